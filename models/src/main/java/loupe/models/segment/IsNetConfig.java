// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

/**
 * Post-processing of the ISNet alpha.
 *
 * @param lowCut alpha at or below this is background (0)
 * @param highCut alpha at or above this is fully jewelry (65535); in between the mask is linear.
 *     ISNet's interior sits at 0.99–0.9999, never exactly 1, so without a cut nothing would be fully
 *     protected; 0.1/0.9 keep the 0.5 decision boundary and made 96.5 % of dev01's fully-jewelry
 *     pixels 65535 (0.996 gave 84 %)
 * @param edgeRadiusFactor guided-filter radius per unit of upsampling (long side / model side);
 *     the blur of a bilinear upsample spans about two source pixels
 * @param edgeEpsilon guided-filter regulariser ε (the engine's choice for dev02's chain)
 * @param tile tile side for the full-resolution refine (tiles without an edge are skipped)
 * @param vetoReachFactor how far, in model pixels, the model's mask may reach beyond the classical
 *     segmenter's before {@link ClassicalVeto} drops it; on the dev scenes IoU rises up to 5 model
 *     pixels and is flat from 5 to 15, so 8 sits on that plateau
 * @param vetoLongSide the veto is decided on the shot reduced by an integer factor to at most this
 *     long side (1600: the dev scenes' size, where it was measured; a 24 MP shot is reduced 4×)
 */
public record IsNetConfig(double lowCut, double highCut, double edgeRadiusFactor, double edgeEpsilon, int tile,
    double vetoReachFactor, int vetoLongSide) {
  public IsNetConfig {
    if (!(lowCut >= 0 && lowCut < highCut && highCut <= 1)) {
      throw new IllegalArgumentException("need 0 ≤ lowCut < highCut ≤ 1, got " + lowCut + ", " + highCut);
    }
    if (!(edgeRadiusFactor >= 0 && edgeRadiusFactor <= 16)) {
      throw new IllegalArgumentException("edge radius factor must be in 0..16, got " + edgeRadiusFactor);
    }
    if (!(edgeEpsilon > 0 && edgeEpsilon <= 1)) {
      throw new IllegalArgumentException("edge epsilon must be in (0, 1], got " + edgeEpsilon);
    }
    if (tile < 64 || tile > 8192) {
      throw new IllegalArgumentException("tile must be in 64..8192, got " + tile);
    }
    if (!(vetoReachFactor >= 0 && vetoReachFactor <= 64)) {
      throw new IllegalArgumentException("veto reach factor must be in 0..64, got " + vetoReachFactor);
    }
    if (vetoLongSide < 256 || vetoLongSide > 65536) {
      throw new IllegalArgumentException("veto long side must be in 256..65536, got " + vetoLongSide);
    }
  }

  public static IsNetConfig defaults() {
    return new IsNetConfig(0.1, 0.9, 2.0, 1e-4, 512, 8.0, 1600);
  }

  /** The guided-filter radius for a shot {@code scale} times the model's size (0 = no refine). */
  public int edgeRadius(double scale) {
    return (int) Math.round(edgeRadiusFactor * Math.max(1, scale));
  }

  /** The veto's reach in px for a shot {@code scale} times the model's size. */
  public double vetoReach(double scale) {
    return vetoReachFactor * Math.max(1, scale);
  }
}
