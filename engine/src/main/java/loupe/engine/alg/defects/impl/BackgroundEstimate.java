// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.stream.IntStream;
import loupe.engine.alg.mask.impl.BinaryDilation;
import loupe.engine.alg.mask.impl.OnionPeel;

/**
 * Smooth background estimate of a gray plane, in two rounds. Round one: block means over allowed
 * pixels, a masked median over a large window of blocks (robust to specks, hairs and spots smaller
 * than half the window), blocks without data filled from their neighbours in onion order, bilinear
 * interpolation back to full resolution. Round two: small groups of pixels that stand out from
 * round one (with a margin for their halo) are set aside, and a {@link LocalPlaneFit} over the rest
 * gives the final estimate, which follows shadow ramps that a median bends. Large groups (props,
 * shadows) stay in the fit, so the estimate follows them and a hair touching one stays separate.
 */
public final class BackgroundEstimate {
  private BackgroundEstimate() {}

  /** Pixels within this distance of a round-one outlier are left out of round two (its halo). */
  private static final int OUTLIER_MARGIN = 2;

  /**
   * @param gray samples, row-major {@code width × height}. Not modified.
   * @param allowed pixels that may inform the estimate. Not modified.
   * @param radius median radius of round one; round two fits planes with σ = radius / 2
   * @param step block size of round two (round one uses blocks twice as large: it only needs to
   *     find outliers)
   * @param outlierThreshold a pixel is an outlier of round one when its 3×3 mean residual reaches
   *     this many robust σ
   * @param maxOutlierArea 8-connected groups of outliers larger than this are structure, not specks
   * @return the estimate at every pixel
   */
  public static float[] estimate(float[] gray, boolean[] allowed, int width, int height, int radius, int step,
      double outlierThreshold, int maxOutlierArea) {
    float[] first = median(gray, allowed, width, height, radius, 2 * step);
    float[] residual = new float[width * height];
    Pixels.each(residual.length, (from, to) -> {
      for (int p = from; p < to; p++) {
        residual[p] = allowed[p] ? gray[p] - first[p] : 0;
      }
    });
    float[] box = SpeckResponses.boxMean3(residual, width, height);
    float limit = (float) (outlierThreshold * SpeckResponses.robustCentreAndSigma(box, allowed)[1]);
    boolean[] isolated = new boolean[width * height];
    Pixels.each(isolated.length, (from, to) -> {
      for (int p = from; p < to; p++) {
        isolated[p] = allowed[p] && Math.abs(box[p]) >= limit;
      }
    });
    boolean[] outlier = BinaryDilation.square(
        BinaryMasks.hysteresis(isolated, isolated, width, height, maxOutlierArea, null), width, height, OUTLIER_MARGIN);
    boolean[] clean = new boolean[width * height];
    Pixels.each(clean.length, (from, to) -> {
      for (int p = from; p < to; p++) {
        clean[p] = allowed[p] && !outlier[p];
      }
    });
    return LocalPlaneFit.fit(gray, clean, first, width, height, radius / 2.0, step);
  }

  static float[] median(float[] gray, boolean[] allowed, int width, int height, int radius, int step) {
    int cw = (width + step - 1) / step;
    int ch = (height + step - 1) / step;
    float[] blocks = new float[cw * ch];
    boolean[] valid = new boolean[cw * ch];
    IntStream.range(0, ch).parallel().forEach(by -> {
      for (int bx = 0; bx < cw; bx++) {
        double sum = 0;
        int n = 0;
        for (int y = by * step; y < Math.min(height, by * step + step); y++) {
          for (int x = bx * step; x < Math.min(width, bx * step + step); x++) {
            if (allowed[y * width + x]) {
              sum += gray[y * width + x];
              n++;
            }
          }
        }
        valid[by * cw + bx] = n > 0;
        blocks[by * cw + bx] = n > 0 ? (float) (sum / n) : 0;
      }
    });
    float[] median = maskedMedian(blocks, valid, cw, ch, Math.max(1, radius / step));
    return upsample(median, cw, ch, width, height, step);
  }

  /** Median of the valid cells in each (2r+1)² window; cells with none are filled by onion peel. */
  static float[] maskedMedian(float[] cells, boolean[] valid, int w, int h, int r) {
    float[] out = new float[w * h];
    boolean[] known = new boolean[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      float[] window = new float[(2 * r + 1) * (2 * r + 1)];
      for (int x = 0; x < w; x++) {
        int n = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
            if (valid[yy * w + xx]) {
              window[n++] = cells[yy * w + xx];
            }
          }
        }
        if (n > 0) {
          out[y * w + x] = select(window, n, n / 2);
          known[y * w + x] = true;
        }
      }
    });
    onionFill(out, known, w, h);
    return out;
  }

  /** The k-th smallest of {@code a[0..n)} (Hoare's selection, Comm. ACM 1961); reorders {@code a}. */
  static float select(float[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** Unknown cells take the mean of their known 8-neighbours, nearest rings first. */
  static void onionFill(float[] values, boolean[] known, int w, int h) {
    boolean[] unknown = new boolean[w * h];
    boolean any = false;
    for (int p = 0; p < w * h; p++) {
      unknown[p] = !known[p];
      any |= known[p];
    }
    if (!any) {
      return; // nothing known at all: leave as is
    }
    OnionPeel.fill(values, 1, known, OnionPeel.order(known, unknown, w, h), w, h, null);
  }

  /** Bilinear interpolation between block centres, clamped at the edges. */
  static float[] upsample(float[] cells, int cw, int ch, int width, int height, int step) {
    // The column terms are the same on every row: tabled once.
    int[] x0 = new int[width];
    int[] x1 = new int[width];
    float[] tx = new float[width];
    for (int x = 0; x < width; x++) {
      float fx = Math.max(0, Math.min(cw - 1, (x + 0.5f) / step - 0.5f));
      x0[x] = Math.min(Math.max(0, cw - 2), (int) fx);
      x1[x] = Math.min(cw - 1, x0[x] + 1);
      tx[x] = fx - x0[x];
    }
    float[] out = new float[width * height];
    IntStream.range(0, height).parallel().forEach(y -> {
      float fy = Math.max(0, Math.min(ch - 1, (y + 0.5f) / step - 0.5f));
      int y0 = Math.min(Math.max(0, ch - 2), (int) fy);
      int y1 = Math.min(ch - 1, y0 + 1);
      float ty = fy - y0;
      for (int x = 0; x < width; x++) {
        float top = cells[y0 * cw + x0[x]] * (1 - tx[x]) + cells[y0 * cw + x1[x]] * tx[x];
        float bottom = cells[y1 * cw + x0[x]] * (1 - tx[x]) + cells[y1 * cw + x1[x]] * tx[x];
        out[y * width + x] = top * (1 - ty) + bottom * ty;
      }
    });
    return out;
  }
}
