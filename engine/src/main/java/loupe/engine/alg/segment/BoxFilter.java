// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/**
 * Mean over a (2r+1)² square with edge replication, separable with running sums: O(1) per
 * sample whatever the radius. Inputs are Not modified.
 */
final class BoxFilter {
  private BoxFilter() {}

  /** The box mean of {@code in} with radius {@code r} (r = 0 returns a copy). */
  static Plane mean(Plane in, int r) {
    int w = in.width();
    int h = in.height();
    float[] tmp = new float[w * h];
    float[] out = new float[w * h];
    float[] line = new float[Math.max(w, h)];
    float[] res = new float[Math.max(w, h)];
    for (int y = 0; y < h; y++) {
      System.arraycopy(in.data(), y * w, line, 0, w);
      mean1d(line, res, w, r);
      System.arraycopy(res, 0, tmp, y * w, w);
    }
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        line[y] = tmp[y * w + x];
      }
      mean1d(line, res, h, r);
      for (int y = 0; y < h; y++) {
        out[y * w + x] = res[y];
      }
    }
    return new Plane(w, h, out);
  }

  /** Running mean of {@code n} samples with clamped (replicated) ends; sums in double for stability. */
  static void mean1d(float[] in, float[] out, int n, int r) {
    double sum = 0;
    for (int k = -r; k <= r; k++) {
      sum += in[clamp(k, n)];
    }
    double norm = 1.0 / (2 * r + 1);
    for (int i = 0; i < n; i++) {
      out[i] = (float) (sum * norm);
      sum += in[clamp(i + r + 1, n)] - in[clamp(i - r, n)];
    }
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }
}
