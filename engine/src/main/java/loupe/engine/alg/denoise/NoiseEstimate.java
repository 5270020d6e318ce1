// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

/**
 * Estimated noise per band.
 *
 * @param sigma standard deviation per band in 16-bit storage units (NaN if no background block)
 * @param blocks number of pure-background 2×2 blocks the estimate rests on
 */
public record NoiseEstimate(double[] sigma, long blocks) {
  public NoiseEstimate {
    sigma = sigma.clone();
  }

  @Override
  public double[] sigma() {
    return sigma.clone();
  }

  /** σ of a band in 8-bit levels (storage / 257). */
  public double sigma8bit(int band) {
    return sigma[band] / 257.0;
  }

  public int numBands() {
    return sigma.length;
  }
}
