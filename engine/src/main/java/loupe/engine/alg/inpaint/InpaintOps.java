// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

import loupe.engine.Progress;
import loupe.engine.alg.inpaint.impl.HoleFiller;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Background inpainting with a restricted source ("Sample All Layers" off): hole pixels are rebuilt
 * only from pixels the caller allows, so jewelry colours cannot appear in a fill.
 *
 * <p>Each 8-connected hole component is filled on a crop around it. Thin components (specks,
 * hairs) get a membrane (harmonic) interpolation of the smoothed surroundings plus real grain
 * copied from a nearby source patch; wide ones (props, stands, putty) get coarse-to-fine PatchMatch
 * completion (Barnes et al., SIGGRAPH 2009) with patch voting (Wexler et al., TPAMI 2007). All
 * randomness comes from {@link InpaintConfig#seed()}: the same inputs give the same output.
 */
public final class InpaintOps {
  private InpaintOps() {}

  /** {@link #inpaint(Planar, GrayU16, GrayU16, Planar, InpaintConfig, Progress)} into a new image. */
  public static Planar inpaint(Planar image, GrayU16 hole, GrayU16 sourceAllowed, InpaintConfig cfg,
      Progress progress) {
    return inpaint(image, hole, sourceAllowed, null, cfg, progress);
  }

  /**
   * Fills the hole. Every pixel where {@code hole == 0} is copied bit-exactly; a hole pixel becomes
   * fill·h + original·(1 − h) with h = hole / 65535, where the fill is built only from pixels with
   * {@code sourceAllowed > 0} and {@code hole == 0} (8- and 16-bit alike; samples are never
   * quantised to 8 bits).
   *
   * @param image Not modified.
   * @param hole where to fill, 65535 = fully. Not modified.
   * @param sourceAllowed where fills may sample (the background minus a guard band around the
   *     product; for healing, the layer's opaque pixels). Not modified.
   * @param output Modified; null to allocate. Must not share samples with {@code image}.
   * @return {@code output}
   * @throws IllegalArgumentException on a size mismatch, an output aliasing the input, or when the
   *     hole is not empty but no pixel may be sampled
   * @throws loupe.engine.CancelledException when {@code progress} is cancelled
   */
  public static Planar inpaint(Planar image, GrayU16 hole, GrayU16 sourceAllowed, Planar output, InpaintConfig cfg,
      Progress progress) {
    ImageChecks.sameSize(image, hole);
    ImageChecks.sameSize(image, sourceAllowed);
    output = ImageChecks.reshape(output, image.numBands(), image.width, image.height);
    for (int c = 0; c < image.numBands(); c++) {
      if (output.bands[c].data == image.bands[c].data) {
        throw new IllegalArgumentException("inpaint: output band " + c + " shares its samples with the input");
      }
    }
    output.setTo(image);
    if (hasPixel(hole, null) && !hasSource(hole, sourceAllowed)) {
      throw new IllegalArgumentException("inpaint: the hole is not empty but sourceAllowed has no pixel outside it");
    }
    HoleFiller.fill(image, hole, sourceAllowed, output, cfg, progress);
    return output;
  }

  /**
   * True if a fill of {@code hole} has a pixel to sample: {@code sourceAllowed} non-zero outside the
   * hole. A soft hole's edge is inside it, however much a soft allowance lets it be sampled.
   */
  public static boolean hasSource(GrayU16 hole, GrayU16 sourceAllowed) {
    ImageChecks.sameSize(hole, sourceAllowed);
    return hasPixel(sourceAllowed, hole);
  }

  /** True if some pixel of {@code mask} is non-zero where {@code exclude} (if given) is zero. */
  private static boolean hasPixel(GrayU16 mask, GrayU16 exclude) {
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (mask.data[mask.index(x, y)] != 0 && (exclude == null || exclude.data[exclude.index(x, y)] == 0)) {
          return true;
        }
      }
    }
    return false;
  }
}
