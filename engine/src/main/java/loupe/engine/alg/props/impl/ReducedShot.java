// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * The shot reduced by an integer factor: block means in linear light per band (sRGB decoded; a
 * shadow is then a gain and a prop's colour a ratio to the sweep), and which blocks touch the
 * product. Blocks on the right and bottom edges may be partial.
 *
 * @param factor full-resolution pixels per work pixel along each axis
 * @param linear per band, row-major work pixels of width × height
 * @param spread per work pixel, the standard deviation over its block of the full-resolution
 *     pixels' linear light (the mean of the bands): what the block mean hides, a facet's highlight
 *     beside its dark reflection, or only noise on a matte surface
 * @param product true where any pixel of the block has P &gt; 0
 */
public record ReducedShot(int factor, int width, int height, float[][] linear, float[] spread, boolean[] product) {

  /** The integer factor that brings the long side to about {@code workLongSide} (at least 1). */
  public static int factorFor(int width, int height, int workLongSide) {
    return Math.max(1, (int) Math.round(Math.max(width, height) / (double) workLongSide));
  }

  /**
   * @param image the shot, sRGB document values; Not modified
   * @param productMask P; Not modified
   */
  public static ReducedShot of(Planar image, GrayU16 productMask, int factor, Progress progress) {
    ImageChecks.sameSize(image, productMask);
    int w = (image.width + factor - 1) / factor;
    int h = (image.height + factor - 1) / factor;
    int bands = image.numBands();
    float[][] linear = new float[bands][w * h];
    float[] spread = new float[w * h];
    boolean[] product = new boolean[w * h];
    // Block rows in parallel; within a block the samples are added in raster order, as one pass would.
    IntStream.range(0, h).parallel().forEach(by -> {
      progress.checkCancelled();
      double[][] sums = new double[bands][w];
      double[] squares = new double[w];
      double[] light = new double[image.width];
      int y0 = by * factor;
      int y1 = Math.min(image.height, y0 + factor);
      for (int y = y0; y < y1; y++) {
        for (int c = 0; c < bands; c++) {
          GrayU16 band = image.bands[c];
          double[] sum = sums[c];
          int row = band.startIndex + y * band.stride;
          for (int x = 0; x < image.width; x++) {
            double v = Srgb.decode(band.data[row + x] & 0xFFFF);
            sum[x / factor] += v;
            light[x] = c == 0 ? v : light[x] + v;
          }
        }
        for (int x = 0; x < image.width; x++) {
          double l = light[x] / bands;
          squares[x / factor] += l * l;
        }
        int row = productMask.startIndex + y * productMask.stride;
        for (int x = 0; x < image.width; x++) {
          if (productMask.data[row + x] != 0) {
            product[by * w + x / factor] = true;
          }
        }
      }
      for (int bx = 0; bx < w; bx++) {
        int n = (Math.min(image.width, (bx + 1) * factor) - bx * factor) * (y1 - y0);
        double mean = 0;
        for (int c = 0; c < bands; c++) {
          linear[c][by * w + bx] = (float) (sums[c][bx] / n);
          mean += sums[c][bx] / n / bands;
        }
        spread[by * w + bx] = (float) Math.sqrt(Math.max(0, squares[bx] / n - mean * mean));
      }
    });
    return new ReducedShot(factor, w, h, linear, spread, product);
  }

  public int numBands() {
    return linear.length;
  }
}
