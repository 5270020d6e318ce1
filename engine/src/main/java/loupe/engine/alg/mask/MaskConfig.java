// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.alg.mask.impl.GaussianKernel;

/**
 * Settings of {@link MaskOps#refine}: how a product mask is adjusted after it is read from its
 * source. The steps run in this order, each skipped when its parameter is 0.
 *
 * @param edgeRadius guided-filter window radius in pixels for the edge-aware refine (0 = off)
 * @param edgeEpsilon guided-filter regulariser ε on [0,1]-scaled values: smaller follows image
 *     edges more closely
 * @param expandRadius grow the mask by this many pixels (Euclidean); negative contracts
 * @param featherSigma Gaussian feather σ in pixels (0 = off)
 * @param border how the feather reads beyond the canvas
 */
public record MaskConfig(int edgeRadius, double edgeEpsilon, double expandRadius, double featherSigma,
    BorderType border) {
  /** Largest radius or σ accepted, in pixels: beyond it a job is surely misconfigured. */
  public static final double MAX_PIXELS = 1000;

  /** Everything off; ε = 10⁻⁴ (best of 10⁻²..10⁻⁵ on dev02's chain) when the edge refine is switched on. */
  public static final MaskConfig DEFAULT = new MaskConfig(0, 1e-4, 0, 0, BorderType.EXTEND);

  public MaskConfig {
    check("edge radius", edgeRadius, 0);
    check("expand radius", Math.abs(expandRadius), 0);
    check("feather sigma", featherSigma, 0);
    if (featherSigma > GaussianKernel.MAX_SIGMA) {
      throw new IllegalArgumentException("feather sigma must be at most " + GaussianKernel.MAX_SIGMA + " px, got "
          + featherSigma);
    }
    if (!(edgeEpsilon > 0) || edgeEpsilon > 1) {
      throw new IllegalArgumentException("edge epsilon must be in (0, 1], got " + edgeEpsilon);
    }
    if (border == null) {
      throw new IllegalArgumentException("border type is null");
    }
  }

  private static void check(String name, double value, double min) {
    if (!(value >= min) || value > MAX_PIXELS) {
      throw new IllegalArgumentException(name + " must be in " + min + ".." + MAX_PIXELS + " px, got " + value);
    }
  }

  public MaskConfig withEdgeRefine(int radius, double epsilon) {
    return new MaskConfig(radius, epsilon, expandRadius, featherSigma, border);
  }

  public MaskConfig withExpand(double radius) {
    return new MaskConfig(edgeRadius, edgeEpsilon, radius, featherSigma, border);
  }

  public MaskConfig withFeather(double sigma, BorderType borderType) {
    return new MaskConfig(edgeRadius, edgeEpsilon, expandRadius, sigma, borderType);
  }
}
