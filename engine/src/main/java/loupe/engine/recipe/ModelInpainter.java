// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Objects;
import java.util.Optional;
import loupe.engine.alg.inpaint.BackgroundInpainter;

/**
 * An installed inpainting model, as a recipe uses it for large holes (props): the inpainter and the
 * identity of the verified model file behind it.
 */
public record ModelInpainter(BackgroundInpainter inpainter, String id, String variant, String sha256) {
  public ModelInpainter {
    Objects.requireNonNull(inpainter, "inpainter");
  }

  /** This model's entry in a job's result, for {@code step}. */
  public ModelUse use(String step) {
    return new ModelUse(id, variant, sha256, step);
  }

  /** Finds an installed inpainting model by the id a user names in {@code inpainter=ID}. */
  @FunctionalInterface
  public interface Source {
    /** None: only the classical inpainter is available. */
    Source NONE = id -> Optional.empty();

    /** The installed, verified model {@code id}, or empty when it is not installed. */
    Optional<ModelInpainter> find(String id);
  }
}
