// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import loupe.engine.image.DesignScale;

/**
 * Parameters of {@link DefectDetector#detect}. Sizes are in image pixels; thresholds are in units of
 * each response's own robust noise σ (1.4826 × median absolute deviation over the background), so
 * they hold for any noise level and any noise correlation.
 *
 * @param backgroundRadius radius of the median behind the large-scale background; larger than the
 *     largest soft spot (sensor dust reaches about 16 px at 1600×1200)
 * @param backgroundStep block size of the large-scale background (cost ∝ 1 / step²)
 * @param seedThreshold a pixel whose point, 3×3 or line response reaches this starts a defect
 * @param growThreshold a defect grows over 8-connected pixels whose 3×3 or line response reaches
 *     this (hysteresis, Canny 1986)
 * @param lineLength length of the oriented averaging segments that pick out hairs and lint
 * @param minContrast a seed must also differ from the background by this many 8-bit levels (in
 *     its point, 3×3 or line mean): a floor under the noise-relative thresholds, so a modelling
 *     error of a few levels on a very clean background is not a defect
 * @param speckRadius the fine channel finds specks and hairs up to 2·speckRadius pixels wide
 * @param maxArea a soft spot (coarse channel) larger than this is a prop or a shadow, not a defect
 * @param dilation detections are grown by this many pixels (square) to cover halos and shadows
 * @param guardBand no defect is reported within this many pixels (square) of the product, and a
 *     detection touching that band is dropped: it is a contact shadow or a reflection as often as a
 *     defect, so it is left to the retoucher
 * @param frameScale the long side of the frame these sizes are for, over the 1600 px the defaults
 *     were tuned on (at least 1; {@link #forFrame}). The detector does not read it; {@link
 *     MarginRelease} grows its dust limit by it, so that the two cannot disagree about the frame
 */
public record DefectConfig(
    int backgroundRadius,
    int backgroundStep,
    double seedThreshold,
    double growThreshold,
    int lineLength,
    double minContrast,
    int speckRadius,
    int maxArea,
    int dilation,
    int guardBand,
    double frameScale) {

  private static final int MAX_BACKGROUND_RADIUS = 512;

  public DefectConfig {
    require(backgroundRadius >= 2 && backgroundRadius <= MAX_BACKGROUND_RADIUS, "backgroundRadius must be in 2.."
        + MAX_BACKGROUND_RADIUS, backgroundRadius);
    require(backgroundStep >= 1 && backgroundStep <= backgroundRadius, "backgroundStep must be in 1..backgroundRadius",
        backgroundStep);
    require(seedThreshold > 0 && seedThreshold >= growThreshold, "seedThreshold must be > 0 and >= growThreshold",
        seedThreshold);
    require(growThreshold > 0, "growThreshold must be > 0", growThreshold);
    require(lineLength >= 3 && lineLength <= 63 && lineLength % 2 == 1, "lineLength must be odd in 3..63", lineLength);
    require(minContrast >= 0 && minContrast <= 255, "minContrast must be in 0..255", minContrast);
    require(speckRadius >= 1 && speckRadius <= 32, "speckRadius must be in 1..32", speckRadius);
    require(maxArea >= 1, "maxArea must be >= 1", maxArea);
    require(dilation >= 0 && dilation <= 64, "dilation must be in 0..64", dilation);
    require(guardBand >= 0 && guardBand <= 256, "guardBand must be in 0..256", guardBand);
    require(frameScale >= 1, "frameScale must be >= 1", frameScale);
  }

  /** Defaults tuned on the dev scenes (1600×1200 studio sweeps). */
  public static DefectConfig defaults() {
    return new DefectConfig(32, 4, 6.0, 3.0, 11, 4.0, 4, 6000, 2, 3, 1);
  }

  /**
   * The defaults for a frame of this size. A larger shot of the same set sees each soft spot larger
   * (the dev scenes' sensor dust, about 16 px across at 1600 px, is 57 px at 5664 px), so beyond the
   * defaults' 1600 px the coarse channel's area limit grows with the square of the long side, and its
   * median radius and block step with it: the limit must still take a spot in (its detection passed
   * 6,000 px and was dropped as a prop), and the median stay wider than the spot. On the bench's
   * 5664×4248 upscales that raised dust recall from 38–100 % to 100 % on every scene. Growth stops
   * where the median's radius reaches its 512 px limit (a 25,600 px long side), so that the three
   * stay in proportion. The fine channel is not scaled: its top-hat finds every speck and hair
   * narrower than its window at any size, and scaling its dilation and guard band only added false
   * detections. The factor is {@link DesignScale#of}: a smaller frame keeps the defaults, and a crop of
   * a large shot is taken for a smaller shot, whose specks it may outgrow.
   */
  public static DefectConfig forFrame(int width, int height) {
    DefectConfig d = defaults();
    double s = Math.min(MAX_BACKGROUND_RADIUS / (double) d.backgroundRadius, DesignScale.of(width, height));
    return new DefectConfig((int) Math.round(d.backgroundRadius * s), (int) Math.round(d.backgroundStep * s),
        d.seedThreshold, d.growThreshold, d.lineLength, d.minContrast, d.speckRadius,
        (int) Math.round(d.maxArea * s * s), d.dilation, d.guardBand, s);
  }

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("DefectConfig: " + message + ", got " + value);
    }
  }
}
