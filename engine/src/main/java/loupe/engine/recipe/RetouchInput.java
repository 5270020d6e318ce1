// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Objects;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;
import loupe.engine.alg.mask.MaskOps;

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
 * @param defectMask document-size mask of dust and hair already found, inpainted with whatever the
 *     recipe's own detector finds (those an automatic mask's margin released), or null
 */
public record RetouchInput(Planar image, BitDepth depth, GrayU16 productMask, ProtectedLayer jewelry, GrayU16 healMask,
    GrayU16 propMask, GrayU16 defectMask) {
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
    if (defectMask != null) {
      ImageChecks.sameSize(image, defectMask);
    }
  }

  /** An input with no dust or hair found beforehand. */
  public RetouchInput(Planar image, BitDepth depth, GrayU16 productMask, ProtectedLayer jewelry, GrayU16 healMask,
      GrayU16 propMask) {
    this(image, depth, productMask, jewelry, healMask, propMask, null);
  }

  /** The same input with these painted heal areas (null = none). */
  public RetouchInput withHealMask(GrayU16 heal) {
    return new RetouchInput(image, depth, productMask, jewelry, heal, propMask, defectMask);
  }

  /**
   * What healing can reach: the painted areas where the jewelry layer covers the canvas fully,
   * document-size; null without a heal mask or a jewelry layer. A stroke past the piece's edge
   * heals nothing there, so those pixels are neither healed nor exempt from the fidelity checks.
   * Nor does it heal the piece's anti-aliased edge: a heal layer above a pixel the jewelry covers
   * by a would cover it 1 − (1 − a)², thickening and darkening the edge where a stroke crosses it.
   */
  public GrayU16 healArea() {
    if (healMask == null || jewelry == null) {
      return null;
    }
    return MaskOps.intersect(healMask, MaskOps.fully(jewelry.documentCoverage(width(), height()), null), null);
  }

  public int width() {
    return image.width;
  }

  public int height() {
    return image.height;
  }
}
