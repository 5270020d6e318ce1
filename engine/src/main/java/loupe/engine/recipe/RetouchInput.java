// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Objects;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Everything a recipe reads.
 *
 * @param image document-size opaque pixels beneath the protected layer (for a flat file, the
 *     whole photograph). Background work reads and replaces these.
 * @param depth the document's bit depth (results are rounded to it)
 * @param productMask document-size, 65535 = jewelry; its fully selected pixels are what the
 *     fidelity guard protects
 * @param jewelry the protected layer when the document has one, else null (a flat photograph: new
 *     layers go above it, masked to zero over the product)
 * @param healMask document-size mask painted by the user inside the product (Editorial), or null
 * @param propMask document-size mask of props/stands to remove, or null
 */
public record RetouchInput(
    Planar image, BitDepth depth, GrayU16 productMask, ProtectedLayer jewelry, GrayU16 healMask, GrayU16 propMask) {
  public RetouchInput {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(depth, "depth");
    ImageChecks.sameSize(image, productMask);
    if (healMask != null) {
      ImageChecks.sameSize(image, healMask);
    }
    if (propMask != null) {
      ImageChecks.sameSize(image, propMask);
    }
  }

  /** The same input with no painted heal areas. */
  public RetouchInput withoutHealMask() {
    return new RetouchInput(image, depth, productMask, jewelry, null, propMask);
  }

  public int width() {
    return image.width;
  }

  public int height() {
    return image.height;
  }
}
