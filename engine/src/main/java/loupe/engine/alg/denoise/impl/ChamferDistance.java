// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import loupe.engine.image.GrayU16;

/**
 * Distance to the nearest pixel where a mask is above zero, as a 3-4 chamfer distance (Borgefors,
 * "Distance transformations in digital images", CVGIP 1986): 3 per orthogonal step, 4 per
 * diagonal step, so distance/3 approximates Euclidean pixels within 6%. Distances are capped,
 * which lets a strip be computed exactly from a halo of cap/3 rows.
 */
public final class ChamferDistance {
  /** Chamfer units per pixel step along an axis. */
  public static final int UNIT = 3;
  private static final int DIAGONAL = 4;

  private ChamferDistance() {}

  /**
   * Fills {@code out[(y - y0) * width + x]} for rows [y0, y1) with min(cap, distance) in chamfer
   * units (0 on the mask).
   *
   * @param mask Not modified; pixels &gt; 0 are the sources
   * @param out Modified
   */
  public static void compute(GrayU16 mask, int y0, int y1, int cap, int[] out) {
    int w = mask.width;
    int halo = cap / UNIT + 1;
    int e0 = Math.max(0, y0 - halo);
    int e1 = Math.min(mask.height, y1 + halo);
    int rows = e1 - e0;
    int[] d = e0 == y0 && e1 == y1 ? out : new int[rows * w];
    for (int y = 0; y < rows; y++) {
      int src = mask.startIndex + (y + e0) * mask.stride;
      for (int x = 0; x < w; x++) {
        d[y * w + x] = mask.data[src + x] == 0 ? cap : 0;
      }
    }
    forward(d, w, rows);
    backward(d, w, rows);
    if (d != out) {
      System.arraycopy(d, (y0 - e0) * w, out, 0, (y1 - y0) * w);
    }
  }

  private static void forward(int[] d, int w, int rows) {
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        int v = d[i];
        if (v == 0) {
          continue;
        }
        if (x > 0) {
          v = Math.min(v, d[i - 1] + UNIT);
        }
        if (y > 0) {
          v = Math.min(v, d[i - w] + UNIT);
          if (x > 0) {
            v = Math.min(v, d[i - w - 1] + DIAGONAL);
          }
          if (x + 1 < w) {
            v = Math.min(v, d[i - w + 1] + DIAGONAL);
          }
        }
        d[i] = v;
      }
    }
  }

  private static void backward(int[] d, int w, int rows) {
    for (int y = rows - 1; y >= 0; y--) {
      for (int x = w - 1; x >= 0; x--) {
        int i = y * w + x;
        int v = d[i];
        if (v == 0) {
          continue;
        }
        if (x + 1 < w) {
          v = Math.min(v, d[i + 1] + UNIT);
        }
        if (y + 1 < rows) {
          v = Math.min(v, d[i + w] + UNIT);
          if (x + 1 < w) {
            v = Math.min(v, d[i + w + 1] + DIAGONAL);
          }
          if (x > 0) {
            v = Math.min(v, d[i + w - 1] + DIAGONAL);
          }
        }
        d[i] = v;
      }
    }
  }
}
