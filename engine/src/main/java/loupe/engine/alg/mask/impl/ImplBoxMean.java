// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * Mean over the (2r+1)² window around each sample of a row-major float plane, with the window
 * clipped to the plane (the mean is over the samples that exist, as in He et al.'s reference code
 * that divides by a box-filtered image of ones). Running sums in double: O(1) per sample.
 */
public final class ImplBoxMean {
  private ImplBoxMean() {}

  /**
   * out = mean of a·b over each window, or of a when {@code b} is null. Inputs are Not modified;
   * {@code out} is Modified and must not be an input.
   */
  public static void mean(float[] a, float[] b, int w, int h, int r, float[] out) {
    double[] columns = new double[w];
    for (int y = 0; y < Math.min(r, h); y++) {
      addRow(a, b, y * w, w, columns, 1);
    }
    for (int y = 0; y < h; y++) {
      if (y + r < h) {
        addRow(a, b, (y + r) * w, w, columns, 1);
      }
      if (y - r - 1 >= 0) {
        addRow(a, b, (y - r - 1) * w, w, columns, -1);
      }
      int rows = Math.min(y + r, h - 1) - Math.max(y - r, 0) + 1;
      slideRow(columns, w, r, rows, out, y * w);
    }
  }

  private static void addRow(float[] a, float[] b, int row, int w, double[] columns, int sign) {
    if (b == null) {
      for (int x = 0; x < w; x++) {
        columns[x] += sign * a[row + x];
      }
    } else {
      for (int x = 0; x < w; x++) {
        columns[x] += sign * ((double) a[row + x] * b[row + x]);
      }
    }
  }

  /** Horizontal running sum over the column sums of one output row. */
  private static void slideRow(double[] columns, int w, int r, int rows, float[] out, int row) {
    double sum = 0;
    for (int x = 0; x < Math.min(r, w); x++) {
      sum += columns[x];
    }
    for (int x = 0; x < w; x++) {
      if (x + r < w) {
        sum += columns[x + r];
      }
      if (x - r - 1 >= 0) {
        sum -= columns[x - r - 1];
      }
      int count = (Math.min(x + r, w - 1) - Math.max(x - r, 0) + 1) * rows;
      out[row + x] = (float) (sum / count);
    }
  }
}
