// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.alg.mask.impl.GaussianKernel;
import loupe.engine.image.GrayU16;

/** Slow, obviously-correct double-precision versions of the mask ops, pixel by pixel. */
final class MaskOpsNaive {
  private MaskOpsNaive() {}

  interface PixelOp {
    double apply(double a, double b);
  }

  static GrayU16 pointwise(GrayU16 a, GrayU16 b, PixelOp op) {
    GrayU16 out = new GrayU16(a.width, a.height);
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        double v = op.apply(a.get(x, y) / 65535.0, b.get(x, y) / 65535.0);
        out.set(x, y, (int) Math.round(v * 65535));
      }
    }
    return out;
  }

  /** The 2-D convolution with the same integer kernel, in double, rounded once. */
  static GrayU16 feather(GrayU16 m, double sigma, BorderType border) {
    GaussianKernel k = GaussianKernel.of(sigma);
    GrayU16 out = new GrayU16(m.width, m.height);
    for (int y = 0; y < m.height; y++) {
      for (int x = 0; x < m.width; x++) {
        double sum = 0;
        for (int j = -k.radius; j <= k.radius; j++) {
          for (int i = -k.radius; i <= k.radius; i++) {
            double w = k.weight(i) / 65536.0 * (k.weight(j) / 65536.0);
            sum += w * m.get(border.map(x + i, m.width), border.map(y + j, m.height));
          }
        }
        out.set(x, y, (int) Math.round(sum));
      }
    }
    return out;
  }

  /** Squared distance from each pixel to the nearest pixel with value in [lo, hi] (or MAX). */
  static long[][] squaredDistance(GrayU16 m, int lo, int hi) {
    long[][] d = new long[m.height][m.width];
    for (int y = 0; y < m.height; y++) {
      for (int x = 0; x < m.width; x++) {
        long best = Long.MAX_VALUE;
        for (int sy = 0; sy < m.height; sy++) {
          for (int sx = 0; sx < m.width; sx++) {
            int v = m.get(sx, sy);
            if (v >= lo && v <= hi) {
              best = Math.min(best, (long) (x - sx) * (x - sx) + (long) (y - sy) * (y - sy));
            }
          }
        }
        d[y][x] = best;
      }
    }
    return d;
  }

  static GrayU16 expand(GrayU16 m, double r) {
    long[][] d = squaredDistance(m, 1, 65535);
    GrayU16 out = m.copy();
    for (int y = 0; y < m.height; y++) {
      for (int x = 0; x < m.width; x++) {
        if (d[y][x] <= r * r) {
          out.set(x, y, 65535);
        }
      }
    }
    return out;
  }

  static GrayU16 guardBand(GrayU16 m, double r) {
    long[][] d = squaredDistance(m, 1, 65535);
    GrayU16 out = new GrayU16(m.width, m.height);
    for (int y = 0; y < m.height; y++) {
      for (int x = 0; x < m.width; x++) {
        out.set(x, y, m.get(x, y) == 0 && d[y][x] <= r * r ? 65535 : 0);
      }
    }
    return out;
  }

  /** He et al.'s Algorithm 1 with explicit window sums; windows clipped to the image. */
  static double[][] guidedFilter(GrayU16 p, GrayU16 guide, int r, double eps) {
    int w = p.width;
    int h = p.height;
    double[][] a = new double[h][w];
    double[][] b = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double si = 0;
        double sp = 0;
        double sii = 0;
        double sip = 0;
        int n = 0;
        for (int j = Math.max(0, y - r); j <= Math.min(h - 1, y + r); j++) {
          for (int i = Math.max(0, x - r); i <= Math.min(w - 1, x + r); i++) {
            double iv = guide.get(i, j) / 65535.0;
            double pv = p.get(i, j) / 65535.0;
            si += iv;
            sp += pv;
            sii += iv * iv;
            sip += iv * pv;
            n++;
          }
        }
        double mi = si / n;
        double mp = sp / n;
        double var = sii / n - mi * mi;
        double cov = sip / n - mi * mp;
        a[y][x] = cov / (var + eps);
        b[y][x] = mp - a[y][x] * mi;
      }
    }
    double[][] q = new double[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int j = Math.max(0, y - r); j <= Math.min(h - 1, y + r); j++) {
          for (int i = Math.max(0, x - r); i <= Math.min(w - 1, x + r); i++) {
            sa += a[j][i];
            sb += b[j][i];
            n++;
          }
        }
        q[y][x] = sa / n * (guide.get(x, y) / 65535.0) + sb / n;
      }
    }
    return q;
  }
}
