// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Arrays;

/**
 * The convex hull of integer points by Andrew's monotone chain (A. M. Andrew, "Another efficient
 * algorithm for convex hulls in two dimensions", Information Processing Letters 9(5), 1979), and
 * its rasterisation as one run of pixels per row.
 *
 * @param xs vertex x coordinates in the order of the chain (counter-clockwise for y up, so clockwise on
 *     screen), without collinear vertices
 * @param ys vertex y coordinates
 */
record ConvexHull(int[] xs, int[] ys) {
  /** The hull of the points ({@code xs[i]}, {@code ys[i]}); at least one point. */
  static ConvexHull of(int[] xs, int[] ys) {
    int n = xs.length;
    if (n == 0 || ys.length != n) {
      throw new IllegalArgumentException("hull of " + n + " x and " + ys.length + " y coordinates");
    }
    long[] sorted = new long[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = (long) xs[i] << 32 | (ys[i] & 0xFFFFFFFFL);
    }
    Arrays.sort(sorted);
    long[] chain = new long[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k >= 2 && cross(chain[k - 2], chain[k - 1], sorted[i]) <= 0) {
        k--;
      }
      chain[k++] = sorted[i];
    }
    for (int i = n - 2, lower = k + 1; i >= 0; i--) {
      while (k >= lower && cross(chain[k - 2], chain[k - 1], sorted[i]) <= 0) {
        k--;
      }
      chain[k++] = sorted[i];
    }
    int m = Math.max(1, k - 1);
    int[] hx = new int[m];
    int[] hy = new int[m];
    for (int i = 0; i < m; i++) {
      hx[i] = (int) (chain[i] >> 32);
      hy[i] = (int) chain[i];
    }
    return new ConvexHull(hx, hy);
  }

  private static long cross(long o, long a, long b) {
    long ox = o >> 32;
    long oy = (int) o;
    return ((a >> 32) - ox) * ((int) b - oy) - ((int) a - oy) * ((b >> 32) - ox);
  }

  /**
   * Per row y in [0, rows): the first and last integer x inside or on the hull in {@code left[y]}
   * and {@code right[y]} (left &gt; right where the row misses the hull). Returns the pixel count.
   */
  long rows(int rows, int[] left, int[] right) {
    Arrays.fill(left, 0, rows, Integer.MAX_VALUE);
    Arrays.fill(right, 0, rows, Integer.MIN_VALUE);
    int m = xs.length;
    for (int i = 0; i < m; i++) {
      int x1 = xs[i];
      int y1 = ys[i];
      int x2 = xs[(i + 1) % m];
      int y2 = ys[(i + 1) % m];
      for (int y = Math.max(0, Math.min(y1, y2)); y <= Math.min(rows - 1, Math.max(y1, y2)); y++) {
        int lo;
        int hi;
        if (y1 == y2) {
          lo = Math.min(x1, x2);
          hi = Math.max(x1, x2);
        } else {
          // Exact rational crossing; floor/ceil keep only pixels inside or on the edge.
          long num = (long) (y - y1) * (x2 - x1);
          lo = x1 + (int) Math.floorDiv(num * Long.signum(y2 - y1) + Math.abs(y2 - y1) - 1, Math.abs(y2 - y1));
          hi = x1 + (int) Math.floorDiv(num * Long.signum(y2 - y1), Math.abs(y2 - y1));
        }
        left[y] = Math.min(left[y], lo);
        right[y] = Math.max(right[y], hi);
      }
    }
    long count = 0;
    for (int y = 0; y < rows; y++) {
      count += right[y] >= left[y] ? right[y] - left[y] + 1 : 0;
    }
    return count;
  }

  /** The distance from (x, y) to the hull's boundary. */
  double distanceTo(int x, int y) {
    double[] q = nearestBoundaryPoint(x, y);
    return Math.hypot(x - q[0], y - q[1]);
  }

  /** The point of the hull's boundary nearest to (x, y), as {x, y}. */
  double[] nearestBoundaryPoint(double x, double y) {
    int m = xs.length;
    double best = Double.POSITIVE_INFINITY;
    double[] out = {xs[0], ys[0]};
    for (int i = 0; i < m; i++) {
      double ax = xs[i];
      double ay = ys[i];
      double bx = xs[(i + 1) % m] - ax;
      double by = ys[(i + 1) % m] - ay;
      double len2 = bx * bx + by * by;
      double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * bx + (y - ay) * by) / len2));
      double qx = ax + u * bx;
      double qy = ay + u * by;
      double d = Math.hypot(x - qx, y - qy);
      if (d < best) {
        best = d;
        out[0] = qx;
        out[1] = qy;
      }
    }
    return out;
  }
}
