// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Strip-parallel driver of {@link MaskedGuidedFilter}: filters each band of each strip, then
 * blends {@code out = I + w·(q − I)} with the {@link EdgeFeather} weight w. Where w == 0 (every
 * pixel with P &gt; 0) the input sample is copied, not recomputed.
 */
public final class BackgroundDenoiser {
  /** Rows per strip for small radii; large radii take strips of 4 halos so the halo costs ≤ 1.5×. */
  static final int STRIP_ROWS = 128;

  private BackgroundDenoiser() {}

  /**
   * @param image Not modified
   * @param productMask Not modified
   * @param output Modified; same shape as image, must not share samples with it
   * @param epsilon per band, ε of the guided filter in normalised units squared
   */
  public static void run(Planar image, GrayU16 productMask, Planar output, double[] epsilon, int radius, int feather,
      Progress progress) {
    int width = image.width;
    int bands = image.numBands();
    int rows = Math.max(STRIP_ROWS, 4 * MaskedGuidedFilter.halo(radius));
    StripRunner.run(image.height, rows, () -> new Scratch(width, rows, radius), (s, y0, y1) -> {
      EdgeFeather.weights(productMask, y0, y1, feather, s.distance, s.blend);
      if (!anyPositive(s.blend, (y1 - y0) * width)) {
        for (int c = 0; c < bands; c++) {
          copyRows(image.bands[c], output.bands[c], y0, y1);
        }
        return;
      }
      s.filter.loadMask(productMask, y0, y1);
      for (int c = 0; c < bands; c++) {
        s.filter.filter(image.bands[c], y0, y1, epsilon[c], s.filtered);
        blend(image.bands[c], output.bands[c], y0, y1, s.filtered, s.blend);
      }
    }, progress, "denoise");
  }

  private static void blend(GrayU16 in, GrayU16 out, int y0, int y1, double[] filtered, double[] weight) {
    int w = in.width;
    for (int y = y0; y < y1; y++) {
      int src = in.startIndex + y * in.stride;
      int dst = out.startIndex + y * out.stride;
      int k = (y - y0) * w;
      for (int x = 0; x < w; x++, k++) {
        double t = weight[k];
        short original = in.data[src + x];
        if (t == 0) {
          out.data[dst + x] = original;
          continue;
        }
        double o = (original & 0xFFFF) / 65535.0;
        long v = Math.round((o + t * (filtered[k] - o)) * 65535.0);
        out.data[dst + x] = (short) Math.max(0, Math.min(65535, v));
      }
    }
  }

  private static void copyRows(GrayU16 in, GrayU16 out, int y0, int y1) {
    for (int y = y0; y < y1; y++) {
      System.arraycopy(in.data, in.startIndex + y * in.stride, out.data, out.startIndex + y * out.stride, in.width);
    }
  }

  private static boolean anyPositive(double[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (values[i] > 0) {
        return true;
      }
    }
    return false;
  }

  private static final class Scratch {
    final MaskedGuidedFilter filter;
    final double[] filtered;
    final double[] blend;
    final int[] distance;

    Scratch(int width, int rows, int radius) {
      filter = new MaskedGuidedFilter(width, rows, radius);
      filtered = new double[width * rows];
      blend = new double[width * rows];
      distance = new int[width * rows];
    }
  }
}
