// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.DesignScale;
import loupe.engine.image.GrayU16;

/**
 * How far an automatic mask's protection reaches beyond the estimate, in px of the shot. An
 * estimate misses jewelry by a distance that grows with the piece's size in pixels (a stone's rim
 * facets that mirror the sweep: up to a sixth of its radius on the dev scenes' variants),
 * so the margins are set for the dev scenes' scale and grow in proportion with longer shots and
 * larger pieces; they never shrink below it.
 *
 * @param margin pixels around the estimate that are protected as fully as the estimate itself
 * @param softness Gaussian sigma of the protection's soft edge beyond the margin
 * @param releaseRadius plain background an isolated speck in the margin needs around it to be
 *     released, and the zone released: the recipes' 4 px guard band around the remaining
 *     protection, and 7 px of background beyond it for the inpainting to sample (not scaled: the
 *     band is fixed in px, and the speck is measured in px of the shot)
 * @param propClosing over a prop the protection is only the estimate's core: the estimate closed
 *     with a disk of this radius, so that a notch where a stone shows the prop behind it is kept
 * @param propCore ... grown by this many px
 */
public record AutoMargins(int margin, double softness, int releaseRadius, int propClosing, int propCore) {
  /** The largest piece {@link #DESIGN} was measured on: radius of the largest disk inside it, in px (dev03's studs). */
  static final double DESIGN_PIECE_RADIUS = 140;
  /** The margins at the design scale; why each value: docs/recipes.md, "The safety margin". */
  static final AutoMargins DESIGN = new AutoMargins(32, 2, 11, 24, 16);

  /**
   * The margins for this estimate: {@link #DESIGN}, grown in proportion to the shot's long side
   * above 1600 px or to the piece's size above {@link #DESIGN_PIECE_RADIUS}, whichever is more. The
   * piece is measured on the estimate closed as over props ({@link #propClosing()} at the shot's
   * scale), so islands of missed facets inside a stone do not make it smaller: ISNet's estimate of
   * dev02's pendant in a 2× close-up measured 133 px with them and 208 closed (the truth: 205), and
   * with the smaller margins lost a prong tip. Where the estimate misses the rim it is still smaller
   * than the piece, so the long-side term is the floor; the two design values are twice the
   * segmenter's (800 px work image, 70 work px piece radius).
   *
   * @param estimate the automatic estimate (65535 = jewelry). Not modified.
   */
  public static AutoMargins forEstimate(GrayU16 estimate) {
    int longSide = Math.max(estimate.width, estimate.height);
    // The piece's size is measured on a sample of at most 1600 px long side: the margin needs no more precision.
    int step = (longSide + DesignScale.LONG_SIDE - 1) / DesignScale.LONG_SIDE;
    GrayU16 sample = GrayU16.filled((estimate.width + step - 1) / step, (estimate.height + step - 1) / step, 0);
    for (int y = 0; y < sample.height; y++) {
      for (int x = 0; x < sample.width; x++) {
        sample.set(x, y, estimate.get(x * step, y * step));
      }
    }
    double frame = DesignScale.of(estimate.width, estimate.height);
    double closing = DESIGN.propClosing * frame / step;
    GrayU16 closed = MaskOps.contract(MaskOps.expand(sample, closing, null), closing, null);
    double radius = MaskOps.inscribedRadius(closed, 32768) * step;
    double scale = Math.max(frame, radius / DESIGN_PIECE_RADIUS);
    return DESIGN.scaled(scale);
  }

  AutoMargins scaled(double scale) {
    return new AutoMargins((int) Math.ceil(margin * scale), softness * scale, releaseRadius,
        (int) Math.ceil(propClosing * scale), (int) Math.ceil(propCore * scale));
  }
}
