// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import java.util.stream.IntStream;
import loupe.engine.alg.denoise.NoiseEstimate;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Noise σ of each band from the diagonal Haar detail, d = (a − b − c + e)/2 over the corners of a
 * square of side k (the lag), as σ = median|d| / 0.6745 (Donoho, Johnstone, "Ideal spatial
 * adaptation by wavelet shrinkage", Biometrika 1994). The diagonal detail of a smooth sweep is
 * almost pure noise, it cancels linear gradients and the radial quadratic of a vignette exactly,
 * and the median ignores dust, hairs and prop edges.
 *
 * <p>At lag 1 this is the classic finest-scale estimate, which assumes white noise. Noise that is
 * spatially correlated (an upscale, demosaicing, JPEG) hides from it: neighbours share their
 * noise, so d is small although each pixel is as noisy as ever. The corners of a square of side k
 * become independent once k exceeds the correlation length, so σ_k² as a function of k is a
 * variogram (Matheron, "Principles of geostatistics", Economic Geology 1963): it rises from σ_1²
 * to a sill, the variance of one pixel's noise. The estimate reports σ_1, the sill's σ and the lag
 * at which the variogram reaches half its sill (the correlation length, 1 for white noise).
 *
 * <p>Picture content has no sill: where the background is textured (or not background at all) the
 * variogram keeps rising with the lag, because the picture's own differences grow with distance.
 * Such a variogram, twice as far out still above the sill by more than {@value #MAX_FAR_RISE}× in
 * variance, is not taken for correlated noise: the estimate falls back to white noise of σ_1, so
 * texture is never mistaken for noise to flatten.
 *
 * <p>Only squares whose four corners are pure background (P == 0) count. 8-bit data (every sample
 * a multiple of 257) makes |d| a multiple of 128.5, so the median is interpolated inside its
 * quantisation bin (grouped median) instead of snapping to it.
 */
public final class HaarNoiseEstimator {
  /** The variogram's largest lag: correlation lengths up to about half of it are measured. */
  public static final int MAX_LAG = 8;
  /** Lags whose mean σ² is taken as the sill. */
  private static final int SILL_FROM = 6;
  /** Lags, twice as far as the sill's, whose mean σ² must stay near the sill. */
  private static final int[] FAR_LAGS = {12, 16};
  /** How far (ratio of variances) the far lags may rise above the sill for a noise sill. */
  private static final double MAX_FAR_RISE = 1.25;
  /** Sampling cell of the lags above 1. */
  private static final int SPARSE = 4;
  private static final double MAD_TO_SIGMA = 1 / 0.6744897501960817;

  private HaarNoiseEstimator() {}

  /**
   * σ of each band in 16-bit storage units (NaN when no square is pure background), the σ of one
   * pixel's noise and the correlation length.
   *
   * @param image Not modified
   * @param productMask P; squares with any corner P &gt; 0 are skipped; Not modified
   */
  public static NoiseEstimate estimate(Planar image, GrayU16 productMask) {
    int bands = image.numBands();
    int lags = MAX_LAG + FAR_LAGS.length;
    // σ_k of every band and lag (index k − 1; then the far lags), one pass each, on every core.
    double[][] sigmaAt = new double[bands][lags];
    long[] blocks = new long[bands];
    IntStream.range(0, bands * lags).parallel().forEach(i -> {
      int c = i / lags;
      int j = i % lags;
      sigmaAt[c][j] = sigma(image.bands[c], productMask, j < MAX_LAG ? j + 1 : FAR_LAGS[j - MAX_LAG], blocks, c);
    });
    double[] sigma = new double[bands];
    double[] variogram = new double[MAX_LAG + 1];
    double[] sill = new double[bands];
    double sillSum = 0;
    double farSum = 0;
    for (int c = 0; c < bands; c++) {
      sigma[c] = sigmaAt[c][0];
      for (int lag = 1; lag <= MAX_LAG; lag++) {
        double v = sigmaAt[c][lag - 1] * sigmaAt[c][lag - 1];
        variogram[lag] += v;
        if (lag >= SILL_FROM) {
          sill[c] += v / (MAX_LAG - SILL_FROM + 1);
        }
      }
      for (int j = MAX_LAG; j < lags; j++) {
        farSum += sigmaAt[c][j] * sigmaAt[c][j] / FAR_LAGS.length;
      }
      sillSum += sill[c];
    }
    // NaN (too small a background for the far lags) fails the test too: taken as white.
    boolean noiseSill = farSum <= MAX_FAR_RISE * sillSum;
    double[] pixelSigma = sigma.clone();
    if (noiseSill) {
      for (int c = 0; c < bands; c++) {
        // A sill below σ_1² is the sampling noise of white noise.
        pixelSigma[c] = Math.sqrt(Math.max(sigma[c] * sigma[c], sill[c]));
      }
    }
    double length = noiseSill ? halfSillLag(variogram) : 1;
    return new NoiseEstimate(sigma, pixelSigma, length, bands == 0 ? 0 : blocks[0]);
  }

  /**
   * The lag (interpolated linearly between integer lags, v_0 = 0) at which the variogram first
   * reaches half the mean of its lags {@value #SILL_FROM}..{@value #MAX_LAG}; at least 1.
   */
  static double halfSillLag(double[] variogram) {
    double sill = 0;
    for (int lag = SILL_FROM; lag <= MAX_LAG; lag++) {
      sill += variogram[lag] / (MAX_LAG - SILL_FROM + 1);
    }
    double half = sill / 2;
    for (int lag = 1; lag <= MAX_LAG; lag++) {
      if (variogram[lag] >= half) {
        double below = variogram[lag - 1];
        return Math.max(1, lag - 1 + (half - below) / (variogram[lag] - below));
      }
    }
    return 1;
  }

  /**
   * σ of the diagonal detail at one lag. Lag 1 uses every non-overlapping 2×2 block (its count goes
   * to {@code blocksOut[band]}). Larger lags sample one square in {@value #SPARSE}×{@value #SPARSE},
   * which leaves hundreds of thousands even on a small image; each sampled row and its x offset are
   * jittered per row, because a regular grid would see one phase of a ×2 or ×4 upscale only.
   */
  private static double sigma(GrayU16 band, GrayU16 mask, int lag, long[] blocksOut, int bandIndex) {
    // |a − b − c + e| ≤ 2·65535; histogram of the exact integer.
    long[] histogram = new long[2 * 65535 + 1];
    boolean eightBit = true;
    long blocks = 0;
    int rows = lag == 1 ? (band.height - lag + 1) / 2 : (band.height - lag + SPARSE - 1) / SPARSE;
    for (int j = 0; j < rows; j++) {
      int y = lag == 1 ? 2 * j : Math.min(band.height - lag - 1, SPARSE * j + jitter(2 * j));
      int step = lag == 1 ? 2 : SPARSE;
      int m0 = mask.startIndex + y * mask.stride;
      int m1 = m0 + lag * mask.stride;
      int b0 = band.startIndex + y * band.stride;
      int b1 = b0 + lag * band.stride;
      for (int x = lag == 1 ? 0 : jitter(2 * j + 1); x + lag < band.width; x += step) {
        if ((mask.data[m0 + x] | mask.data[m0 + x + lag] | mask.data[m1 + x] | mask.data[m1 + x + lag]) != 0) {
          continue;
        }
        int a = band.data[b0 + x] & 0xFFFF;
        int b = band.data[b0 + x + lag] & 0xFFFF;
        int c = band.data[b1 + x] & 0xFFFF;
        int e = band.data[b1 + x + lag] & 0xFFFF;
        eightBit &= a % 257 == 0 && b % 257 == 0 && c % 257 == 0 && e % 257 == 0;
        histogram[Math.abs(a - b - c + e)]++;
        blocks++;
      }
    }
    if (lag == 1) {
      blocksOut[bandIndex] = blocks;
    }
    if (blocks == 0) {
      return Double.NaN;
    }
    double quantum = eightBit ? 257 : 1;
    return groupedMedian(histogram, blocks, quantum) / 2 * MAD_TO_SIGMA;
  }

  /** A fixed pseudo-random offset in 0..SPARSE−1 (Knuth's multiplicative hash). */
  private static int jitter(int i) {
    return (int) ((i * 2654435761L & 0xFFFFFFFFL) >>> 30) % SPARSE;
  }

  /**
   * Median of |D| where D is a multiple of {@code quantum} standing for the continuous interval
   * [D − q/2, D + q/2); the bin of |D| = 0 covers [0, q/2).
   */
  private static double groupedMedian(long[] histogram, long total, double quantum) {
    double half = total / 2.0;
    long below = 0;
    for (int v = 0; v < histogram.length; v++) {
      long n = histogram[v];
      if (n == 0) {
        continue;
      }
      if (below + n >= half) {
        double lower = v == 0 ? 0 : v - quantum / 2;
        double width = v == 0 ? quantum / 2 : quantum;
        return lower + (half - below) / n * width;
      }
      below += n;
    }
    return 0;
  }
}
