// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

/**
 * Slow, obvious oracle for {@link MaskedGuidedFilter}: every window statistic summed pixel by pixel
 * over the background samples in the clipped (2r+1)² window; first pass self-guided, second pass
 * guided by the first. Values are normalised (0..1), indexed [y][x].
 */
final class MaskedGuidedFilterNaive {
  private MaskedGuidedFilterNaive() {}

  static double[][] filter(double[][] p, boolean[][] sample, int r, double eps) {
    double[][] first = pass(p, p, sample, r, eps);
    return pass(first, p, sample, r, eps);
  }

  private static double[][] pass(double[][] g, double[][] p, boolean[][] sample, int r, double eps) {
    int h = p.length;
    int w = p[0].length;
    double[][] a = new double[h][w];
    double[][] b = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!sample[y][x]) {
          continue;
        }
        double n = 0;
        double sg = 0;
        double sp = 0;
        double sgg = 0;
        double sgp = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
            if (sample[yy][xx]) {
              n++;
              sg += g[yy][xx];
              sp += p[yy][xx];
              sgg += g[yy][xx] * g[yy][xx];
              sgp += g[yy][xx] * p[yy][xx];
            }
          }
        }
        double mg = sg / n;
        double mp = sp / n;
        double var = Math.max(0, sgg / n - mg * mg);
        double cov = sgp / n - mg * mp;
        a[y][x] = var + eps > 0 ? cov / (var + eps) : 0;
        b[y][x] = mp - a[y][x] * mg;
      }
    }
    double[][] q = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!sample[y][x]) {
          q[y][x] = p[y][x];
          continue;
        }
        double n = 0;
        double sa = 0;
        double sb = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
            if (sample[yy][xx]) {
              n++;
              sa += a[yy][xx];
              sb += b[yy][xx];
            }
          }
        }
        q[y][x] = sa / n * g[y][x] + sb / n;
      }
    }
    return q;
  }
}
