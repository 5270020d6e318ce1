// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.stream.IntStream;

/**
 * Smooth background by Gaussian-weighted local linear regression (a plane per block, fitted to the
 * block means of the allowed pixels around it; Cleveland, "Robust Locally Weighted Regression",
 * JASA 1979, with degree 1). Unlike a median or a weighted mean, a plane fit follows a shadow's
 * ramp even where the window is cut off by the product on one side, so soft shadow edges next to
 * the jewelry do not look like specks.
 */
public final class LocalPlaneFit {
  private LocalPlaneFit() {}

  /**
   * @param gray samples, row-major {@code width × height}. Not modified.
   * @param allowed pixels that inform the fit (background without suspected defects). Not modified.
   * @param fallback per-pixel estimate used where too few allowed pixels are near. Not modified.
   * @param sigma Gaussian σ of the fit window, in pixels
   * @return the estimate at every pixel
   */
  public static float[] fit(float[] gray, boolean[] allowed, float[] fallback, int width, int height, double sigma,
      int step) {
    int cw = (width + step - 1) / step;
    int ch = (height + step - 1) / step;
    float[] count = new float[cw * ch];
    float[] sum = new float[cw * ch];
    // Block rows in parallel; within a block the pixels are added in raster order.
    IntStream.range(0, ch).parallel().forEach(cy -> {
      for (int y = cy * step; y < Math.min(height, cy * step + step); y++) {
        for (int x = 0; x < width; x++) {
          int p = y * width + x;
          if (allowed[p]) {
            int c = cy * cw + x / step;
            count[c]++;
            sum[c] += gray[p];
          }
        }
      }
    });
    double s = sigma / step;
    int r = (int) Math.ceil(3 * s);
    float[][] kernels = new float[3][2 * r + 1]; // g(u), u·g(u), u²·g(u)
    for (int u = -r; u <= r; u++) {
      float g = (float) Math.exp(-u * u / (2 * s * s));
      kernels[0][u + r] = g;
      kernels[1][u + r] = u * g;
      kernels[2][u + r] = u * u * g;
    }
    // Moments of the weights n and of n·mean, with offsets u (x) and v (y) from the fitted cell.
    // Separable: the row passes are shared between the moments that use the same row kernel.
    float[][] countRows = {rows(count, cw, ch, kernels[0]), rows(count, cw, ch, kernels[1]),
        rows(count, cw, ch, kernels[2])};
    float[][] sumRows = {rows(sum, cw, ch, kernels[0]), rows(sum, cw, ch, kernels[1])};
    float[] s00 = columns(countRows[0], cw, ch, kernels[0]);
    float[] s10 = columns(countRows[1], cw, ch, kernels[0]);
    float[] s01 = columns(countRows[0], cw, ch, kernels[1]);
    float[] s20 = columns(countRows[2], cw, ch, kernels[0]);
    float[] s11 = columns(countRows[1], cw, ch, kernels[1]);
    float[] s02 = columns(countRows[0], cw, ch, kernels[2]);
    float[] t00 = columns(sumRows[0], cw, ch, kernels[0]);
    float[] t10 = columns(sumRows[1], cw, ch, kernels[0]);
    float[] t01 = columns(sumRows[0], cw, ch, kernels[1]);
    float[] cells = new float[cw * ch];
    boolean[] known = new boolean[cw * ch];
    float minWeight = step * step; // about one full block at the centre's weight
    IntStream.range(0, cw * ch).parallel().forEach(c -> {
      if (s00[c] < minWeight) {
        return;
      }
      // Normal equations of v ≈ a + b·u + c·v (relative to the cell centre); a is the estimate.
      double a11 = s00[c];
      double a12 = s10[c];
      double a13 = s01[c];
      double a22 = s20[c];
      double a23 = s11[c];
      double a33 = s02[c];
      double det = a11 * (a22 * a33 - a23 * a23) - a12 * (a12 * a33 - a23 * a13) + a13 * (a12 * a23 - a22 * a13);
      double scale = a11 * a22 * a33;
      if (Math.abs(det) <= 1e-9 * Math.abs(scale)) {
        cells[c] = t00[c] / s00[c]; // degenerate spread (a thin strip): the weighted mean
      } else {
        double detA = t00[c] * (a22 * a33 - a23 * a23) - a12 * (t10[c] * a33 - a23 * t01[c])
            + a13 * (t10[c] * a23 - a22 * t01[c]);
        cells[c] = (float) (detA / det);
      }
      known[c] = true;
    });
    float[] out = BackgroundEstimate.upsample(cells, cw, ch, width, height, step);
    // Where no cell was fitted the fallback stands; bilinear weights touching such cells would mix
    // in zeros, so those pixels take the fallback too.
    boolean[] usable = new boolean[cw * ch];
    for (int c = 0; c < cw * ch; c++) {
      usable[c] = neighbourhoodKnown(known, cw, ch, c % cw, c / cw);
    }
    IntStream.range(0, height).parallel().forEach(y -> {
      int row = Math.min(ch - 1, y / step) * cw;
      for (int x = 0; x < width; x++) {
        if (!usable[row + x / step]) {
          out[y * width + x] = fallback[y * width + x];
        }
      }
    });
    return out;
  }

  private static boolean neighbourhoodKnown(boolean[] known, int cw, int ch, int cx, int cy) {
    for (int y = Math.max(0, cy - 1); y <= Math.min(ch - 1, cy + 1); y++) {
      for (int x = Math.max(0, cx - 1); x <= Math.min(cw - 1, cx + 1); x++) {
        if (!known[y * cw + x]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Correlation of every row with {@code k}, zero padding. Each output sums its taps in kernel
   * order (the interior row by row, so the innermost loop runs along the row).
   */
  static float[] rows(float[] in, int w, int h, float[] k) {
    int r = k.length / 2;
    float[] out = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = y * w;
      int x0 = Math.min(r, w);
      int x1 = Math.max(x0, w - r); // [x0, x1): the whole kernel inside the row
      for (int t = -r; t <= r && x1 > x0; t++) {
        float weight = k[t + r];
        for (int x = x0; x < x1; x++) {
          out[row + x] += weight * in[row + x + t];
        }
      }
      for (int x = 0; x < w; x++) {
        if (x == x0 && x1 > x0) {
          x = x1 - 1;
          continue;
        }
        float acc = 0;
        for (int t = Math.max(-r, -x); t <= Math.min(r, w - 1 - x); t++) {
          acc += k[t + r] * in[row + x + t];
        }
        out[row + x] = acc;
      }
    });
    return out;
  }

  /** Correlation of every column with {@code k}, zero padding, taps in kernel order. */
  static float[] columns(float[] in, int w, int h, float[] k) {
    int r = k.length / 2;
    float[] out = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = y * w;
      for (int t = Math.max(-r, -y); t <= Math.min(r, h - 1 - y); t++) {
        float weight = k[t + r];
        int from = row + t * w;
        for (int x = 0; x < w; x++) {
          out[row + x] += weight * in[from + x];
        }
      }
    });
    return out;
  }
}
