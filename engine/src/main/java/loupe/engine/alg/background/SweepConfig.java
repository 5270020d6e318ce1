// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

/**
 * Parameters of {@link CleanBackgroundOps#sweep}.
 *
 * @param fill fitted sweep or pure white
 * @param removeVignetting divide the fitted lens vignette out of the sweep (and of the kept
 *     shadow); when false the background keeps the shot's vignette
 * @param degreeY degree of the sweep's light along y (see {@link SweepModel})
 * @param crossTerms number of u·vᵏ terms (side-light tilt), 0..degreeY + 1
 * @param maxVignette largest vignette strength searched
 * @param shadowReach how far from the product a contact shadow may extend, as a fraction of the
 *     image diagonal; the kept shadow fades out over the last quarter of that distance
 * @param shadowThreshold darkening (fraction of light lost) from which a shadow is fully kept; the
 *     layer mask fades it out down to half this value and drops anything fainter, so that faint
 *     model residue is not kept as "shadow"
 * @param excludeGrow pixels by which the exclude mask is grown before measuring: the soft rim of
 *     a prop or speck that fell below the caller's threshold is not sampled either
 * @param holeFade length, as a fraction of the image diagonal, over which a shadow filled into an
 *     unmeasured region (an excluded prop or speck) fades, counted from the nearest measured pixel
 */
public record SweepConfig(BackgroundFill fill, boolean removeVignetting, int degreeY, int crossTerms,
    double maxVignette, double shadowReach, double shadowThreshold, int excludeGrow, double holeFade) {
  public static final SweepConfig DEFAULT =
      new SweepConfig(BackgroundFill.SWEEP, true, 8, 3, 0.5, 0.08, 0.015, 2, 0.008);

  public SweepConfig {
    if (fill == null) {
      throw new IllegalArgumentException("fill must be SWEEP or WHITE, got null");
    }
    if (degreeY < 0 || degreeY > 10) {
      throw new IllegalArgumentException("degreeY must be in 0..10, got " + degreeY);
    }
    if (crossTerms < 0 || crossTerms > degreeY + 1) {
      throw new IllegalArgumentException("crossTerms must be in 0.." + (degreeY + 1) + ", got " + crossTerms);
    }
    if (!(maxVignette >= 0 && maxVignette < 1)) {
      throw new IllegalArgumentException("maxVignette must be in [0, 1), got " + maxVignette);
    }
    if (!(shadowReach >= 0 && shadowReach <= 1)) {
      throw new IllegalArgumentException("shadowReach must be in 0..1 of the diagonal, got " + shadowReach);
    }
    if (!(shadowThreshold > 0 && shadowThreshold < 1)) {
      throw new IllegalArgumentException("shadowThreshold must be in (0, 1), got " + shadowThreshold);
    }
    if (excludeGrow < 0 || excludeGrow > 64) {
      throw new IllegalArgumentException("excludeGrow must be in 0..64 pixels, got " + excludeGrow);
    }
    if (!(holeFade > 0 && holeFade <= 1)) {
      throw new IllegalArgumentException("holeFade must be in (0, 1] of the diagonal, got " + holeFade);
    }
  }

  public SweepConfig withFill(BackgroundFill value) {
    return new SweepConfig(value, removeVignetting, degreeY, crossTerms, maxVignette, shadowReach, shadowThreshold,
        excludeGrow, holeFade);
  }

  public SweepConfig withRemoveVignetting(boolean value) {
    return new SweepConfig(fill, value, degreeY, crossTerms, maxVignette, shadowReach, shadowThreshold, excludeGrow,
        holeFade);
  }
}
