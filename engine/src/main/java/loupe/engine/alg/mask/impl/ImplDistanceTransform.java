// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * Exact squared Euclidean distance from every pixel of a region to the nearest seed pixel
 * (distances between pixel centres). Separable: the column pass finds the nearest seed in each
 * column by a forward and a backward scan; the row pass takes the lower envelope of parabolas
 * (P. Felzenszwalb, D. Huttenlocher, "Distance Transforms of Sampled Functions", Theory of
 * Computing 8, 2012).
 *
 * <p>Callers only ask "is d ≤ r?", so distances are capped: a column distance above {@code cap}
 * is stored as {@code cap}, which keeps every term of the envelope above cap² exactly when the true
 * term is, and keeps the arithmetic in {@code int}.
 */
public final class ImplDistanceTransform {
  private ImplDistanceTransform() {}

  /**
   * Squared distances over {@code region} of {@code mask} (Not modified) to the nearest pixel of
   * the region whose value lies in [{@code lo}, {@code hi}]. Pixels outside the region are not
   * seeds. Returns a row-major array of the region's size; values above {@code cap²} are reported
   * as {@code cap²} or more (never less).
   */
  public static int[] squaredDistance(GrayU16 mask, Rect region, int lo, int hi, int cap) {
    int w = region.width();
    int h = region.height();
    int[] g = new int[w * h];
    columnPass(mask, region, lo, hi, cap, g);
    int[] f = new int[w];
    int[] v = new int[w];
    double[] z = new double[w + 1];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        f[x] = g[row + x] * g[row + x];
      }
      lowerEnvelope(f, w, v, z, g, row);
    }
    return g;
  }

  /** g = distance to the nearest seed in the same column, capped at {@code cap}. */
  private static void columnPass(GrayU16 mask, Rect region, int lo, int hi, int cap, int[] g) {
    int w = region.width();
    int h = region.height();
    for (int y = 0; y < h; y++) {
      int src = mask.startIndex + (region.top() + y) * mask.stride + region.left();
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int value = mask.data[src + x] & 0xFFFF;
        if (value >= lo && value <= hi) {
          g[row + x] = 0;
        } else {
          int above = y == 0 ? cap : g[row - w + x] + 1;
          g[row + x] = Math.min(above, cap);
        }
      }
    }
    for (int y = h - 2; y >= 0; y--) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int below = g[row + w + x] + 1;
        if (below < g[row + x]) {
          g[row + x] = below;
        }
      }
    }
  }

  /**
   * d[q] = min over p of (q − p)² + f[p], written to {@code out[offset + q]}. {@code v} holds the
   * parabolas of the envelope, {@code z} the boundaries between them.
   */
  private static void lowerEnvelope(int[] f, int n, int[] v, double[] z, int[] out, int offset) {
    int k = 0;
    v[0] = 0;
    z[0] = Double.NEGATIVE_INFINITY;
    z[1] = Double.POSITIVE_INFINITY;
    for (int q = 1; q < n; q++) {
      double s = intersection(f, q, v[k]);
      while (s <= z[k]) {
        k--;
        s = intersection(f, q, v[k]);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) {
        k++;
      }
      long dx = q - v[k];
      out[offset + q] = (int) Math.min(Integer.MAX_VALUE, dx * dx + f[v[k]]);
    }
  }

  /** Where the parabolas rooted at q and p (p &lt; q) cross. */
  private static double intersection(int[] f, int q, int p) {
    return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
  }
}
