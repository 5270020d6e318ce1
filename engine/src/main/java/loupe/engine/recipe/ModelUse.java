// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Objects;

/**
 * One model a job used, for its result: which model (id, variant, SHA-256 of the installed file as
 * verified when it was loaded) and for which step ("product mask", "prop inpainting").
 */
public record ModelUse(String id, String variant, String sha256, String step) {
  /** The step of a segmentation model that made the product mask. */
  public static final String PRODUCT_MASK = "product mask";
  /** The step of an inpainting model that generated the pixels over props. */
  public static final String PROP_INPAINTING = "prop inpainting";

  public ModelUse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(step, "step");
  }

  /** True when the model generated pixels of the result (not only decided where the product is). */
  public boolean generatedPixels() {
    return step.equals(PROP_INPAINTING);
  }
}
