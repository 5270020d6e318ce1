// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The shot reduced by a factor {@link #scale} (area means: each work pixel averages the full
 * pixels it covers, weighted by the share it covers; edge pixels average only what they cover), in
 * 8-bit levels (16-bit storage / 257) so that thresholds read as familiar levels. The segmenter
 * takes its global decisions here. The factor need not be an integer, so that a frame of any size
 * gives a work image of the design's size (a 1300 px shot reduced by 2 gave 650 px, in which a
 * prop was narrower than the square a surface must hold).
 */
final class WorkImage {
  /** Full-resolution px per work px; at least 1. */
  final double scale;
  final int fullWidth;
  final int fullHeight;
  final int width;
  final int height;
  /** One plane per colour channel (1 for gray, 3 for RGB). */
  final Plane[] channels;
  /** Per full-resolution column (row), the work column (row) that holds its centre. */
  private final int[] columnOf;
  private final int[] rowOf;

  private WorkImage(double scale, int fullWidth, int fullHeight, Plane[] channels) {
    this.scale = scale;
    this.fullWidth = fullWidth;
    this.fullHeight = fullHeight;
    this.width = channels[0].width();
    this.height = channels[0].height();
    this.channels = channels;
    this.columnOf = holders(fullWidth, width, scale);
    this.rowOf = holders(fullHeight, height, scale);
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

  /** Reduces {@code image} (Not modified) by {@code scale} (≥ 1). */
  static WorkImage of(Planar image, double scale, Progress progress) {
    if (!(scale >= 1)) {
      throw new IllegalArgumentException("a work image reduces by at least 1, got " + scale);
    }
    Axis columns = new Axis(image.width, scale);
    Axis rows = new Axis(image.height, scale);
    int bands = colourBands(image);
    Plane[] planes = new Plane[bands];
    // Channels are independent: one task each (disjoint outputs, so the result is deterministic).
    IntStream.range(0, bands).parallel().forEach(c -> planes[c] = reduce(image.bands[c], columns, rows, progress));
    return new WorkImage(scale, image.width, image.height, planes);
  }

  /** Work pixels along one axis of {@code full} px: which full px each covers, and by how much. */
  private static final class Axis {
    final int size;
    final int[] first;
    final double[][] weights;
    final double[] total;

    Axis(int full, double scale) {
      // The tolerance keeps an exact quotient (800.0000001 for 1300 / 1.625) from adding a sliver.
      size = Math.max(1, (int) Math.ceil(full / scale - 1e-9));
      first = new int[size];
      weights = new double[size][];
      total = new double[size];
      for (int k = 0; k < size; k++) {
        double from = k * scale;
        double to = Math.min(full, (k + 1) * scale);
        first[k] = (int) Math.floor(from);
        int last = Math.min(full, (int) Math.ceil(to));
        weights[k] = new double[last - first[k]];
        for (int i = 0; i < weights[k].length; i++) {
          int px = first[k] + i;
          weights[k][i] = Math.min(px + 1, to) - Math.max(px, from);
          total[k] += weights[k][i];
        }
      }
    }
  }

  /** Area means of one band, in levels. For an integer scale the weights are 1: block means. */
  private static Plane reduce(GrayU16 band, Axis columns, Axis rows, Progress progress) {
    int w = columns.size;
    int h = rows.size;
    double[] sums = new double[w];
    float[] out = new float[w * h];
    for (int yw = 0; yw < h; yw++) {
      progress.checkCancelled();
      java.util.Arrays.fill(sums, 0);
      double[] wy = rows.weights[yw];
      for (int j = 0; j < wy.length; j++) {
        int row = band.startIndex + (rows.first[yw] + j) * band.stride;
        for (int xw = 0; xw < w; xw++) {
          double[] wx = columns.weights[xw];
          int from = row + columns.first[xw];
          double across = 0;
          for (int i = 0; i < wx.length; i++) {
            across += wx[i] * (band.data[from + i] & 0xFFFF);
          }
          sums[xw] += wy[j] * across;
        }
      }
      for (int xw = 0; xw < w; xw++) {
        out[yw * w + xw] = (float) (sums[xw] / (columns.total[xw] * rows.total[yw]) / 257.0);
      }
    }
    return new Plane(w, h, out);
  }

  /** For each of {@code full} px, the index of the work px (of {@code size}) that holds its centre. */
  private static int[] holders(int full, int size, double scale) {
    int[] out = new int[full];
    for (int i = 0; i < full; i++) {
      out[i] = Math.min(size - 1, (int) ((i + 0.5) / scale));
    }
    return out;
  }

  /** The work column that holds full-resolution column {@code x}. */
  int column(int x) {
    return columnOf[x];
  }

  /** The work row that holds full-resolution row {@code y}. */
  int row(int y) {
    return rowOf[y];
  }

  /** The index in the work grid of the work pixel that holds full-resolution pixel (x, y). */
  int index(int x, int y) {
    return rowOf[y] * width + columnOf[x];
  }

  /**
   * The work-grid coordinate of a full-resolution pixel's centre along either axis, for bilinear
   * interpolation between work pixel centres.
   */
  double coordinate(int fullPx) {
    return (fullPx + 0.5) / scale - 0.5;
  }

  /** A length of {@code workPx} work pixels in full-resolution pixels, rounded up. */
  int fullPx(double workPx) {
    return (int) Math.ceil(workPx * scale - 1e-9);
  }

  /** The full-resolution box covered by the work box [left, right) × [top, bottom). */
  Rect fullBox(int left, int top, int right, int bottom) {
    return new Rect((int) Math.floor(left * scale), (int) Math.floor(top * scale),
        Math.min(fullWidth, fullPx(right)), Math.min(fullHeight, fullPx(bottom)));
  }

  /** Full-resolution x coordinate of the centre of work column {@code xw}. */
  double centreX(int xw) {
    return (xw * scale + Math.min(fullWidth, (xw + 1) * scale)) / 2.0;
  }

  double centreY(int yw) {
    return (yw * scale + Math.min(fullHeight, (yw + 1) * scale)) / 2.0;
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
