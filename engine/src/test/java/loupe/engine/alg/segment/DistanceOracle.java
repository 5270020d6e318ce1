// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/**
 * Exact squared Euclidean distance transform (Felzenszwalb &amp; Huttenlocher, "Distance
 * transforms of sampled functions", 2012), used by the tests to measure guard-band radii.
 */
final class DistanceOracle {
  private static final double INF = 1e20;

  private DistanceOracle() {}

  /** Squared distance from every pixel to the nearest set pixel of {@code mask} (INF if none). */
  static double[] squaredDistanceTo(boolean[] mask, int w, int h) {
    double[] d = new double[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = mask[i] ? 0 : INF;
    }
    double[] f = new double[Math.max(w, h)];
    double[] out = new double[Math.max(w, h)];
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        f[y] = d[y * w + x];
      }
      transform1d(f, h, out);
      for (int y = 0; y < h; y++) {
        d[y * w + x] = out[y];
      }
    }
    for (int y = 0; y < h; y++) {
      System.arraycopy(d, y * w, f, 0, w);
      transform1d(f, w, out);
      System.arraycopy(out, 0, d, y * w, w);
    }
    return d;
  }

  private static void transform1d(double[] f, int n, double[] d) {
    int[] v = new int[n];
    double[] z = new double[n + 1];
    int k = 0;
    v[0] = 0;
    z[0] = -INF;
    z[1] = INF;
    for (int q = 1; q < n; q++) {
      double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
      while (s <= z[k]) {
        k--;
        s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = INF;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) {
        k++;
      }
      d[q] = (double) (q - v[k]) * (q - v[k]) + f[v[k]];
    }
  }
}
