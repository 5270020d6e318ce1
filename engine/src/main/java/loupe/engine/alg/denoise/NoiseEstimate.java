// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

/**
 * Estimated noise per band.
 *
 * @param sigma finest-scale σ per band in 16-bit storage units, the classic estimate that assumes
 *     white noise (NaN if no background block)
 * @param pixelSigma σ of one pixel's noise per band, in storage units: equal to {@code sigma} for
 *     white noise, larger when neighbouring pixels share their noise (an upscale, demosaicing)
 * @param correlationLength in pixels, at least 1: the lag over which the noise decorrelates (1 for
 *     white noise, about 3.5 for white noise blown up ×3.5 bilinearly)
 * @param blocks number of pure-background 2×2 blocks the finest-scale estimate rests on
 */
public record NoiseEstimate(double[] sigma, double[] pixelSigma, double correlationLength, long blocks) {
  public NoiseEstimate {
    sigma = sigma.clone();
    pixelSigma = pixelSigma.clone();
    if (pixelSigma.length != sigma.length) {
      throw new IllegalArgumentException(
          "pixelSigma has " + pixelSigma.length + " bands, sigma has " + sigma.length);
    }
    if (!(correlationLength >= 1)) {
      throw new IllegalArgumentException("correlationLength must be at least 1, got " + correlationLength);
    }
  }

  /** White noise of the given σ per band. */
  public NoiseEstimate(double[] sigma, long blocks) {
    this(sigma, sigma, 1, blocks);
  }

  @Override
  public double[] sigma() {
    return sigma.clone();
  }

  @Override
  public double[] pixelSigma() {
    return pixelSigma.clone();
  }

  /** Finest-scale σ of a band in 8-bit levels (storage / 257). */
  public double sigma8bit(int band) {
    return sigma[band] / 257.0;
  }

  public int numBands() {
    return sigma.length;
  }
}
