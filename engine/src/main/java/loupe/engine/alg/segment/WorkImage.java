// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The shot reduced by an integer factor (block means; edge blocks average only the pixels they
 * cover), in 8-bit levels (16-bit storage / 257) so that thresholds read as familiar levels. The
 * segmenter takes its global decisions here.
 */
final class WorkImage {
  final int factor;
  final int fullWidth;
  final int fullHeight;
  final int width;
  final int height;
  /** One plane per colour channel (1 for gray, 3 for RGB). */
  final Plane[] channels;

  private WorkImage(int factor, int fullWidth, int fullHeight, Plane[] channels) {
    this.factor = factor;
    this.fullWidth = fullWidth;
    this.fullHeight = fullHeight;
    this.width = channels[0].width();
    this.height = channels[0].height();
    this.channels = channels;
  }

  /** Colour bands the segmenter reads: the first three of an RGB(A) image, or the one band of a gray image. */
  static int colourBands(Planar image) {
    int n = image.numBands();
    if (n == 1) {
      return 1;
    }
    if (n >= 3) {
      return 3;
    }
    throw new IllegalArgumentException("segmenting needs a gray (1 band) or RGB (3+ bands) image, got " + n + " bands");
  }

  /** Reduces {@code image} (Not modified) by {@code factor}. */
  static WorkImage of(Planar image, int factor, Progress progress) {
    int w = (image.width + factor - 1) / factor;
    int h = (image.height + factor - 1) / factor;
    int bands = colourBands(image);
    Plane[] planes = new Plane[bands];
    // Channels are independent: one task each (disjoint outputs, so the result is deterministic).
    IntStream.range(0, bands).parallel().forEach(c -> planes[c] = reduce(image.bands[c], factor, w, h, progress));
    return new WorkImage(factor, image.width, image.height, planes);
  }

  /** Block means of one band, in levels. */
  private static Plane reduce(GrayU16 band, int factor, int w, int h, Progress progress) {
    double[] sums = new double[w];
    float[] out = new float[w * h];
    for (int yw = 0; yw < h; yw++) {
      progress.checkCancelled();
      java.util.Arrays.fill(sums, 0);
      int y0 = yw * factor;
      int y1 = Math.min(band.height, y0 + factor);
      for (int y = y0; y < y1; y++) {
        int row = band.startIndex + y * band.stride;
        for (int x = 0; x < band.width; x++) {
          sums[x / factor] += band.data[row + x] & 0xFFFF;
        }
      }
      for (int xw = 0; xw < w; xw++) {
        int cols = Math.min(band.width, (xw + 1) * factor) - xw * factor;
        out[yw * w + xw] = (float) (sums[xw] / (cols * (y1 - y0)) / 257.0);
      }
    }
    return new Plane(w, h, out);
  }

  /** Full-resolution x coordinate of the centre of work column {@code xw}. */
  double centreX(int xw) {
    return (xw * factor + Math.min(fullWidth, (xw + 1) * factor)) / 2.0;
  }

  double centreY(int yw) {
    return (yw * factor + Math.min(fullHeight, (yw + 1) * factor)) / 2.0;
  }

  /** The mean of the channels. */
  Plane luminance() {
    float[] out = new float[width * height];
    for (Plane p : channels) {
      float[] d = p.data();
      for (int i = 0; i < out.length; i++) {
        out[i] += d[i] / channels.length;
      }
    }
    return new Plane(width, height, out);
  }
}
