// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * A 1-D Gaussian as integer weights that sum to exactly 2¹⁶, so that a constant input stays
 * exactly constant after convolution (the rounding offset never accumulates).
 */
public final class GaussianKernel {
  /** The weights sum to this value. */
  public static final int ONE = 1 << 16;
  /**
   * Largest σ accepted: the cost grows with the radius (4σ taps a side), and a 100 px feather is
   * far beyond any mask edge; larger values are rejected rather than left to run for minutes.
   */
  public static final double MAX_SIGMA = 100;

  public final int radius;
  /** Weights for offsets −radius..radius. */
  private final int[] weights;

  private GaussianKernel(int radius, int[] weights) {
    this.radius = radius;
    this.weights = weights;
  }

  /**
   * The kernel for standard deviation {@code sigma} (pixels), truncated at ⌈4σ⌉ where the
   * discarded tail is below 10⁻⁴ of the mass. σ = 0 gives the identity kernel.
   */
  public static GaussianKernel of(double sigma) {
    if (!(sigma >= 0) || sigma > MAX_SIGMA) {
      throw new IllegalArgumentException("Gaussian sigma must be in 0.." + MAX_SIGMA + " px, got " + sigma);
    }
    int radius = (int) Math.ceil(4 * sigma);
    double[] g = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      g[i + radius] = radius == 0 ? 1 : Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += g[i + radius];
    }
    int[] w = new int[g.length];
    int total = 0;
    for (int i = 0; i < g.length; i++) {
      w[i] = (int) Math.round(g[i] / sum * ONE);
      total += w[i];
    }
    // Rounding leaves the sum a few units off; the centre weight absorbs the difference.
    w[radius] += ONE - total;
    return new GaussianKernel(radius, w);
  }

  /** The weight for {@code offset} in −radius..radius. */
  public int weight(int offset) {
    return weights[offset + radius];
  }

  public int width() {
    return weights.length;
  }
}
