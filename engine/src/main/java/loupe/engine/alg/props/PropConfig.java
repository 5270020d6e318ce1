// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

/**
 * Parameters of {@link PropDetector}. "Work px" are pixels of the reduced work image (long side
 * about {@code workLongSide}), so those distances scale with the shot; "px" are full-resolution
 * pixels. Gains and chroma are fractions of the sweep's light (0.03 = 3 %).
 *
 * @param workLongSide long side of the work image where regions are found; the reduction factor is
 *     the nearest integer ≥ 1
 * @param surfaceDegree total degree of the polynomial sweep surface (4: the sweep's bend plus the
 *     lens vignette)
 * @param gainSigmas a work pixel deviates when its gain departs from 1 by more than this many
 *     noise scales (the scale includes the surface's misfit) ...
 * @param minDeviation ... and by more than this fraction
 * @param chromaFactor a work pixel is coloured when its windowed chroma exceeds this many times the
 *     median chroma of the frame (the level noise alone reaches) ...
 * @param minChroma ... and this fraction
 * @param chromaRadius work px, half-size of the window over which colour is averaged
 * @param minBodyFraction a coloured region is a prop body when it covers at least this fraction
 *     of the work image (dust, lint and hairs are smaller) ...
 * @param maxBodyTexture ... and when its work pixels hide no more detail than the sweep's: the
 *     median spread of the full-resolution pixels within a work pixel, over the region, is at most
 *     this many times the sweep's (noise). A matte prop shows its noise and slow shading; a metal
 *     part or rim facets that the product mask missed show highlights beside dark reflections
 * @param shadowReach how far (fraction of the work image's diagonal, along deviating pixels) a
 *     prop's shadow or reflection may run from its body
 * @param productBias a deviating pixel is the prop's (shadow or reflection) when its geodesic
 *     distance from a prop body is below this times its distance from the product; otherwise it
 *     is the product's own contact shadow and is kept
 * @param shadowContinuation work px: a prop's shadow then runs on into the product's share for up
 *     to this path length while its darkness stays (a putty's shadow up to the stud standing in
 *     it); 0 = off
 * @param gainEdgeCost work px added to that path per 1 % of gain it climbs or falls: where the
 *     darkness changes, another object's shadow begins
 * @param guardRadius px kept clear around every pixel with P &gt; 0, so that no jewelry edge is
 *     ever painted over
 * @param margin px by which the found prop is grown, to take in its soft rim below the thresholds
 */
public record PropConfig(int workLongSide, int surfaceDegree, double gainSigmas, double minDeviation,
    double chromaFactor, double minChroma, int chromaRadius, double minBodyFraction, double maxBodyTexture,
    double shadowReach,
    double productBias, int shadowContinuation, double gainEdgeCost, double guardRadius, double margin) {

  /** Measured on the dev scenes (white and grey sweeps, 1600×1200); see the engine README. */
  public static final PropConfig DEFAULT =
      new PropConfig(400, 4, 4.0, 0.03, 4.0, 0.01, 2, 0.0005, 2.0, 0.05, 0.5, 8, 1.0, 1.0, 2.0);

  public PropConfig {
    require(workLongSide >= 32, "workLongSide must be ≥ 32, got " + workLongSide);
    require(surfaceDegree >= 0 && surfaceDegree <= 8, "surfaceDegree must be in 0..8, got " + surfaceDegree);
    require(gainSigmas >= 0, "gainSigmas must be ≥ 0, got " + gainSigmas);
    require(minDeviation > 0 && minDeviation < 1, "minDeviation must be in (0, 1), got " + minDeviation);
    require(chromaFactor >= 0, "chromaFactor must be ≥ 0, got " + chromaFactor);
    require(minChroma > 0, "minChroma must be > 0, got " + minChroma);
    require(chromaRadius >= 0 && chromaRadius <= 64, "chromaRadius must be in 0..64 work px, got " + chromaRadius);
    require(minBodyFraction > 0 && minBodyFraction < 1, "minBodyFraction must be in (0, 1), got " + minBodyFraction);
    require(maxBodyTexture > 0, "maxBodyTexture must be > 0, got " + maxBodyTexture);
    require(shadowReach >= 0 && shadowReach <= 1, "shadowReach must be in 0..1 of the diagonal, got " + shadowReach);
    require(productBias > 0, "productBias must be > 0, got " + productBias);
    require(shadowContinuation >= 0 && shadowContinuation <= 1000,
        "shadowContinuation must be in 0..1000 work px, got " + shadowContinuation);
    require(gainEdgeCost >= 0, "gainEdgeCost must be ≥ 0, got " + gainEdgeCost);
    require(guardRadius >= 0 && guardRadius <= 256, "guardRadius must be in 0..256 px, got " + guardRadius);
    require(margin >= 0 && margin <= 256, "margin must be in 0..256 px, got " + margin);
  }

  public PropConfig withGuardRadius(double value) {
    return new PropConfig(workLongSide, surfaceDegree, gainSigmas, minDeviation, chromaFactor, minChroma, chromaRadius,
        minBodyFraction, maxBodyTexture, shadowReach, productBias, shadowContinuation, gainEdgeCost, value, margin);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
