// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Per-pixel sensor noise of the shot, in 8-bit levels: the sigma-clipped RMS of horizontal
 * differences between pixels {@code lag} apart divided by √2 (differences cancel the smooth sweep;
 * clipping at 3σ drops edges), the largest over the colour channels. Neighbours (lag 1) see the
 * finest part of the noise; where JPEG or resampling has correlated it over a few pixels, a longer
 * lag sees all of it. About half a million samples are used at most.
 */
final class NoiseEstimate {
  private static final int MAX_SAMPLES = 500_000;

  private NoiseEstimate() {}

  /** From neighbour differences; @param image the shot; Not modified */
  static double sigma(Planar image) {
    return sigma(image, 1);
  }

  /**
   * @param image the shot; Not modified
   * @param lag distance of the pixels compared, ≥ 1
   */
  static double sigma(Planar image, int lag) {
    int bands = WorkImage.colourBands(image);
    long pixels = (long) image.width * image.height;
    int rowStep = (int) Math.max(1, pixels / MAX_SAMPLES);
    double worst = 0;
    for (int c = 0; c < bands; c++) {
      worst = Math.max(worst, channelSigma(image.bands[c], rowStep, lag));
    }
    return worst;
  }

  private static double channelSigma(GrayU16 band, int rowStep, int lag) {
    if (band.width < lag + 1) {
      return 0;
    }
    double s = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 10; it++) {
      double limit = it == 0 ? Double.POSITIVE_INFINITY : 3 * s * Math.sqrt(2);
      double sum = 0;
      long n = 0;
      for (int y = 0; y < band.height; y += rowStep) {
        int row = band.startIndex + y * band.stride;
        for (int x = 0; x + lag < band.width; x++) {
          double d = ((band.data[row + x + lag] & 0xFFFF) - (band.data[row + x] & 0xFFFF)) / 257.0;
          if (Math.abs(d) <= limit) {
            sum += d * d;
            n++;
          }
        }
      }
      double next = n == 0 ? 0 : Math.sqrt(sum / n / 2);
      if (next == s) {
        break;
      }
      s = next;
    }
    return s;
  }
}
