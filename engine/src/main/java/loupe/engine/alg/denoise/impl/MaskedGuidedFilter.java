// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import java.util.Arrays;
import loupe.engine.image.GrayU16;

/**
 * Guided filter (He, Sun, Tang, "Guided Image Filtering", TPAMI 2013) made mask-aware by
 * normalised convolution (Knutsson, Westin, "Normalized and Differential Convolution", CVPR
 * 1993): every window statistic is a sum over background samples only (P == 0), divided by the
 * number of such samples. A pixel next to the jewelry therefore averages background pixels alone
 * and no jewelry value ever reaches a background output.
 *
 * <p>Per window k: a_k = cov_k(G, p) / (var_k(G) + ε), b_k = mean_k(p) − a_k·mean_k(G); output
 * q = ā·G + b̄ with ā, b̄ the masked means over the windows covering the pixel. Two passes: the
 * first is self-guided (G = p), the second is guided by the first's result, so that on soft
 * shadows and gradients (where a ≈ 1) the output follows a smooth guide instead of the noisy
 * input (+1 dB on the dev scenes over one pass).
 *
 * <p>Memory traffic dominates the cost, so samples are floats, row box sums are taken while a
 * row is in cache, and the vertical pass keeps running column sums in double (so nothing drifts)
 * and computes a, b or the output as each row completes. One instance holds the scratch for strips
 * of up to {@code maxRows} output rows; it is not thread-safe (use one per worker).
 */
public final class MaskedGuidedFilter {
  private static final int PASSES = 2;
  private final int width;
  private final int radius;
  private final float[] weight;
  private final float[] inverseCount;
  private final float[] value;
  private final float[] guide;
  private final float[] coefA;
  private final float[] coefB;
  private final float[][] rowSums;
  private final double[][] columns;
  private final float[] rowBuffer;
  private int blockTop;
  private int blockRows;

  public MaskedGuidedFilter(int width, int maxRows, int radius) {
    this.width = width;
    this.radius = radius;
    int n = width * (maxRows + 2 * halo(radius));
    weight = new float[n];
    inverseCount = new float[n];
    value = new float[n];
    guide = new float[n];
    coefA = new float[n];
    coefB = new float[n];
    rowSums = new float[4][n];
    columns = new double[4][width];
    rowBuffer = new float[width];
  }

  /** Rows a strip reads on each side: each pass has two box stages of radius r. */
  static int halo(int radius) {
    return PASSES * 2 * radius;
  }

  /**
   * Loads the sample weights of the block around [y0, y1): 1 where P == 0, else 0. Call once per
   * strip before {@link #filter} on each band.
   *
   * @param productMask Not modified
   */
  public void loadMask(GrayU16 productMask, int y0, int y1) {
    blockTop = Math.max(0, y0 - halo(radius));
    blockRows = Math.min(productMask.height, y1 + halo(radius)) - blockTop;
    for (int y = 0; y < blockRows; y++) {
      int src = productMask.startIndex + (y + blockTop) * productMask.stride;
      int dst = y * width;
      for (int x = 0; x < width; x++) {
        weight[dst + x] = productMask.data[src + x] == 0 ? 1f : 0f;
      }
    }
    for (int y = 0; y < blockRows; y++) {
      System.arraycopy(weight, y * width, rowSums[0], y * width, width);
      boxRow(rowSums[0], y * width);
    }
    // 1 / (number of background samples in the window), 0 where the pixel itself is not a sample.
    vertical(1, (row, sums) -> {
      for (int x = 0; x < width; x++) {
        double c = sums[0][x];
        inverseCount[row + x] = weight[row + x] == 0 || c == 0 ? 0f : (float) (1 / c);
      }
    });
  }

  /**
   * Filters one band over the strip [y0, y1) loaded by {@link #loadMask}, writing normalised
   * (0..1) results to {@code out[(y - y0) * width + x]}. Pixels with P &gt; 0 get their own value.
   *
   * @param band Not modified
   * @param out Modified
   * @param epsilon ε in normalised units squared
   */
  public void filter(GrayU16 band, int y0, int y1, double epsilon, double[] out) {
    for (int y = 0; y < blockRows; y++) {
      int src = band.startIndex + (y + blockTop) * band.stride;
      int dst = y * width;
      for (int x = 0; x < width; x++) {
        value[dst + x] = (band.data[src + x] & 0xFFFF) / 65535f;
      }
    }
    selfGuidedPass(epsilon);
    guidedPass(epsilon);
    for (int y = y0; y < y1; y++) {
      int src = (y - blockTop) * width;
      int dst = (y - y0) * width;
      for (int x = 0; x < width; x++) {
        out[dst + x] = guide[src + x];
      }
    }
  }

  /** G = p: the window sums of w·G·p and w·p equal those of w·G² and w·G. */
  private void selfGuidedPass(double epsilon) {
    rowMoments(value, null);
    vertical(2, (row, s) -> {
      for (int x = 0; x < width; x++) {
        int i = row + x;
        double inv = inverseCount[i];
        double mean = s[0][x] * inv;
        double var = Math.max(0, s[1][x] * inv - mean * mean);
        double a = var + epsilon > 0 ? var / (var + epsilon) : 0;
        coefA[i] = (float) a;
        coefB[i] = (float) (mean - a * mean);
      }
    });
    smoothCoefficients(value);
  }

  private void guidedPass(double epsilon) {
    rowMoments(guide, value);
    vertical(4, (row, s) -> {
      for (int x = 0; x < width; x++) {
        int i = row + x;
        double inv = inverseCount[i];
        double mg = s[0][x] * inv;
        double mp = s[2][x] * inv;
        double var = Math.max(0, s[1][x] * inv - mg * mg);
        double cov = s[3][x] * inv - mg * mp;
        double a = var + epsilon > 0 ? cov / (var + epsilon) : 0;
        coefA[i] = (float) a;
        coefB[i] = (float) (mp - a * mg);
      }
    });
    smoothCoefficients(guide);
  }

  /** guide ← ā·g + b̄ where P == 0 (value elsewhere), with g the pass's guide. */
  private void smoothCoefficients(float[] g) {
    for (int y = 0; y < blockRows; y++) {
      int row = y * width;
      System.arraycopy(coefA, row, rowSums[0], row, width);
      System.arraycopy(coefB, row, rowSums[1], row, width);
      boxRow(rowSums[0], row);
      boxRow(rowSums[1], row);
    }
    vertical(2, (row, s) -> {
      for (int x = 0; x < width; x++) {
        int i = row + x;
        double inv = inverseCount[i];
        guide[i] = inv == 0 ? value[i] : (float) ((s[0][x] * g[i] + s[1][x]) * inv);
      }
    });
  }

  /**
   * Row box sums of the masked moments w·g, w·g² and, when {@code p} is given, w·p, w·g·p, into
   * {@code rowSums[0..3]}.
   */
  private void rowMoments(float[] g, float[] p) {
    float[] s0 = rowSums[0];
    float[] s1 = rowSums[1];
    float[] s2 = rowSums[2];
    float[] s3 = rowSums[3];
    for (int y = 0; y < blockRows; y++) {
      int row = y * width;
      for (int i = row; i < row + width; i++) {
        float wg = weight[i] * g[i];
        s0[i] = wg;
        s1[i] = wg * g[i];
        if (p != null) {
          s2[i] = weight[i] * p[i];
          s3[i] = wg * p[i];
        }
      }
      boxRow(s0, row);
      boxRow(s1, row);
      if (p != null) {
        boxRow(s2, row);
        boxRow(s3, row);
      }
    }
  }

  /** In place: data[row + x] ← Σ data[row + x'] over |x' − x| ≤ r, clipped to the row. */
  private void boxRow(float[] data, int row) {
    float[] in = rowBuffer;
    System.arraycopy(data, row, in, 0, width);
    double sum = 0;
    for (int x = 0; x <= Math.min(radius, width - 1); x++) {
      sum += in[x];
    }
    // Border pass (left), interior without checks, border pass (right).
    int interiorStart = Math.min(radius, width);
    int interiorEnd = Math.max(interiorStart, width - radius - 1);
    for (int x = 0; x < interiorStart; x++) {
      data[row + x] = (float) sum;
      sum += slide(in, x);
    }
    for (int x = interiorStart; x < interiorEnd; x++) {
      data[row + x] = (float) sum;
      sum += (double) in[x + radius + 1] - in[x - radius];
    }
    for (int x = interiorEnd; x < width; x++) {
      data[row + x] = (float) sum;
      sum += slide(in, x);
    }
  }

  /** Change of a clipped running window sum when its centre moves from x to x + 1. */
  private double slide(float[] in, int x) {
    double d = 0;
    if (x + radius + 1 < width) {
      d += in[x + radius + 1];
    }
    if (x - radius >= 0) {
      d -= in[x - radius];
    }
    return d;
  }

  /** Consumes one output row of column sums of the first k {@code rowSums} arrays. */
  private interface RowSink {
    void row(int rowOffset, double[][] sums);
  }

  private void vertical(int k, RowSink sink) {
    for (int j = 0; j < k; j++) {
      Arrays.fill(columns[j], 0);
    }
    for (int y = 0; y <= Math.min(radius, blockRows - 1); y++) {
      for (int j = 0; j < k; j++) {
        addRow(columns[j], rowSums[j], y * width, 1);
      }
    }
    for (int y = 0; y < blockRows; y++) {
      sink.row(y * width, columns);
      int add = y + radius + 1;
      int drop = y - radius;
      for (int j = 0; j < k; j++) {
        if (add < blockRows && drop >= 0) {
          slideRow(columns[j], rowSums[j], add * width, drop * width);
        } else if (add < blockRows) {
          addRow(columns[j], rowSums[j], add * width, 1);
        } else if (drop >= 0) {
          addRow(columns[j], rowSums[j], drop * width, -1);
        }
      }
    }
  }

  private void slideRow(double[] column, float[] src, int addRow, int dropRow) {
    for (int x = 0; x < width; x++) {
      column[x] += (double) src[addRow + x] - src[dropRow + x];
    }
  }

  private void addRow(double[] column, float[] src, int row, int sign) {
    for (int x = 0; x < width; x++) {
      column[x] += sign * src[row + x];
    }
  }
}
