// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

import java.util.Random;
import loupe.engine.image.GrayU16;

/** Spatially correlated noise on a sweep-like ramp 30000 + 3x − 2y, with fixed seeds. */
public final class SyntheticNoise {
  private SyntheticNoise() {}

  /** The noise-free ramp at (x, y). */
  public static double ramp(int x, int y) {
    return 30000 + 3 * x - 2 * y;
  }

  /**
   * A ramp plus correlated noise: white noise of σ0 averaged over m×m boxes, so each pixel's noise
   * has σ0/m exactly and pixels m or more apart are independent.
   */
  public static GrayU16 boxAveraged(int w, int h, double sigma0, int m, long seed) {
    Random rnd = new Random(seed);
    double[] white = new double[(w + m) * (h + m)];
    for (int i = 0; i < white.length; i++) {
      white[i] = rnd.nextGaussian() * sigma0;
    }
    GrayU16 out = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int dy = 0; dy < m; dy++) {
          for (int dx = 0; dx < m; dx++) {
            sum += white[(y + dy) * (w + m) + x + dx];
          }
        }
        out.set(x, y, (int) Math.round(ramp(x, y) + sum / (m * m)));
      }
    }
    return out;
  }

  /** White noise of σ0 on a grid {@code factor} times coarser, blown up bilinearly (plus a ramp). */
  public static GrayU16 upscaled(int w, int h, double sigma0, int factor, long seed) {
    Random rnd = new Random(seed);
    int cw = w / factor + 2;
    double[] coarse = new double[cw * (h / factor + 2)];
    for (int i = 0; i < coarse.length; i++) {
      coarse[i] = rnd.nextGaussian() * sigma0;
    }
    GrayU16 out = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y / factor * cw + x / factor;
        double u = x % factor / (double) factor;
        double v = y % factor / (double) factor;
        double n = (1 - v) * ((1 - u) * coarse[i] + u * coarse[i + 1]) + v * ((1 - u) * coarse[i + cw] + u * coarse[i + cw + 1]);
        out.set(x, y, (int) Math.round(ramp(x, y) + n));
      }
    }
    return out;
  }
}
