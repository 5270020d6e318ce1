// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import loupe.engine.image.GrayU16;

/**
 * How much of a filtered result to take at each pixel, so that the transition lives entirely on
 * the background side of the product edge: 0 wherever the product mask P is above zero (those
 * pixels are kept as shot), rising linearly with the distance d to the nearest P &gt; 0 pixel to 1
 * at d = feather + 1. Distances are 3-4 chamfer distances (Borgefors, "Distance transformations
 * in digital images", CVGIP 1986), capped at the ramp length, computed per strip with a halo of
 * feather + 1 rows so strips are independent.
 */
public final class EdgeFeather {
  private static final int ORTHO = 3;
  private static final int DIAG = 4;

  private EdgeFeather() {}

  /**
   * Fills {@code out[(y - y0) * width + x]} for rows [y0, y1) with the blend weight in 0..1.
   *
   * @param productMask P, 65535 = jewelry; Not modified
   * @param out Modified
   */
  public static void weights(GrayU16 productMask, int y0, int y1, int feather, double[] out) {
    int w = productMask.width;
    int cap = ORTHO * (feather + 1);
    int e0 = Math.max(0, y0 - feather - 1);
    int e1 = Math.min(productMask.height, y1 + feather + 1);
    int rows = e1 - e0;
    int[] d = new int[rows * w];
    for (int y = 0; y < rows; y++) {
      int src = productMask.startIndex + (y + e0) * productMask.stride;
      for (int x = 0; x < w; x++) {
        d[y * w + x] = productMask.data[src + x] == 0 ? cap : 0;
      }
    }
    forward(d, w, rows, cap);
    backward(d, w, rows);
    for (int y = y0; y < y1; y++) {
      int dr = (y - e0) * w;
      int or = (y - y0) * w;
      for (int x = 0; x < w; x++) {
        out[or + x] = Math.min(1.0, d[dr + x] / (double) cap);
      }
    }
  }

  private static void forward(int[] d, int w, int rows, int cap) {
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        int v = d[i];
        if (v == 0) {
          continue;
        }
        if (x > 0) {
          v = Math.min(v, d[i - 1] + ORTHO);
        }
        if (y > 0) {
          v = Math.min(v, d[i - w] + ORTHO);
          if (x > 0) {
            v = Math.min(v, d[i - w - 1] + DIAG);
          }
          if (x + 1 < w) {
            v = Math.min(v, d[i - w + 1] + DIAG);
          }
        }
        d[i] = Math.min(v, cap);
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
          v = Math.min(v, d[i + 1] + ORTHO);
        }
        if (y + 1 < rows) {
          v = Math.min(v, d[i + w] + ORTHO);
          if (x + 1 < w) {
            v = Math.min(v, d[i + w + 1] + DIAG);
          }
          if (x > 0) {
            v = Math.min(v, d[i + w - 1] + DIAG);
          }
        }
        d[i] = v;
      }
    }
  }
}
