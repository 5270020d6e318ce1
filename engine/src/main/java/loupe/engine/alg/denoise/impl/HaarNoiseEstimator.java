// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import loupe.engine.alg.denoise.NoiseEstimate;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Noise σ of one band from the finest diagonal Haar detail, d = (a − b − c + e)/2 over 2×2
 * blocks, as σ = median|d| / 0.6745 (Donoho, Johnstone, "Ideal spatial adaptation by wavelet
 * shrinkage", Biometrika 1994). The diagonal detail of a smooth sweep is almost pure noise, it
 * cancels linear gradients exactly, and the median ignores dust, hairs and prop edges.
 *
 * <p>Only blocks whose four pixels are pure background (P == 0) count. 8-bit data (every sample a
 * multiple of 257) makes |d| a multiple of 128.5, so the median is interpolated inside its
 * quantisation bin (grouped median) instead of snapping to it.
 */
public final class HaarNoiseEstimator {
  private static final double MAD_TO_SIGMA = 1 / 0.6744897501960817;

  private HaarNoiseEstimator() {}

  /**
   * σ of each band in 16-bit storage units (NaN when no block is pure background).
   *
   * @param image Not modified
   * @param productMask P; blocks with any P &gt; 0 are skipped; Not modified
   */
  public static NoiseEstimate estimate(Planar image, GrayU16 productMask) {
    double[] sigma = new double[image.numBands()];
    long[] blocks = new long[1];
    for (int c = 0; c < sigma.length; c++) {
      sigma[c] = sigma(image.bands[c], productMask, blocks);
    }
    return new NoiseEstimate(sigma, blocks[0]);
  }

  private static double sigma(GrayU16 band, GrayU16 mask, long[] blocksOut) {
    // |a − b − c + e| ≤ 2·65535; histogram of the exact integer.
    long[] histogram = new long[2 * 65535 + 1];
    boolean eightBit = true;
    long blocks = 0;
    for (int y = 0; y + 1 < band.height; y += 2) {
      int m0 = mask.startIndex + y * mask.stride;
      int m1 = m0 + mask.stride;
      int b0 = band.startIndex + y * band.stride;
      int b1 = b0 + band.stride;
      for (int x = 0; x + 1 < band.width; x += 2) {
        if ((mask.data[m0 + x] | mask.data[m0 + x + 1] | mask.data[m1 + x] | mask.data[m1 + x + 1]) != 0) {
          continue;
        }
        int a = band.data[b0 + x] & 0xFFFF;
        int b = band.data[b0 + x + 1] & 0xFFFF;
        int c = band.data[b1 + x] & 0xFFFF;
        int e = band.data[b1 + x + 1] & 0xFFFF;
        eightBit &= a % 257 == 0 && b % 257 == 0 && c % 257 == 0 && e % 257 == 0;
        histogram[Math.abs(a - b - c + e)]++;
        blocks++;
      }
    }
    blocksOut[0] = blocks;
    if (blocks == 0) {
      return Double.NaN;
    }
    double quantum = eightBit ? 257 : 1;
    return groupedMedian(histogram, blocks, quantum) / 2 * MAD_TO_SIGMA;
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
