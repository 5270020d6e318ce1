// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Objects;

/**
 * One model a job used, for its result: which model (id, variant, SHA-256 of the installed file as
 * verified when it was loaded) and for which step ("product mask", "prop inpainting").
 */
public record ModelUse(String id, String variant, String sha256, String step) {
  public ModelUse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(step, "step");
  }
}
