// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.Arrays;

/**
 * Onion-peel fill of unknown pixels on a row-major {@code w × h} grid: ring by ring outwards from
 * the known pixels (breadth-first, 8-connected, as in Telea's fast-marching order; Telea, "An Image
 * Inpainting Technique Based on the Fast Marching Method", J. Graphics Tools 2004), each pixel takes
 * the mean of its already known 8-neighbours.
 */
public final class OnionPeel {
  private OnionPeel() {}

  /**
   * The {@code fillable} pixels by increasing 8-connected distance from the {@code known} ones,
   * walking through fillable pixels only; those no such path reaches come last, in raster order.
   *
   * @param known Not modified.
   * @param fillable Not modified; should not overlap {@code known}.
   */
  public static int[] order(boolean[] known, boolean[] fillable, int w, int h) {
    int total = 0;
    for (boolean f : fillable) {
      total += f ? 1 : 0;
    }
    int[] order = new int[total];
    boolean[] queued = new boolean[w * h];
    int size = 0;
    for (int p = 0; p < w * h; p++) {
      if (fillable[p] && Neighbours8.any(known, p, w, h)) {
        order[size++] = p;
        queued[p] = true;
      }
    }
    int[] around = new int[Neighbours8.MAX];
    for (int head = 0; head < size; head++) {
      int n = Neighbours8.of(order[head], w, h, around);
      for (int k = 0; k < n; k++) {
        int q = around[k];
        if (!queued[q] && fillable[q]) {
          queued[q] = true;
          order[size++] = q;
        }
      }
    }
    for (int p = 0; p < w * h && size < order.length; p++) {
      if (fillable[p] && !queued[p]) {
        order[size++] = p;
      }
    }
    return order;
  }

  /**
   * Each pixel of {@code order} in turn takes, band by band, the mean of its known 8-neighbours and
   * then counts as known; a pixel with no known neighbour takes {@code fallback}.
   *
   * @param values {@code bands} interleaved samples per pixel. Modified (the pixels of order only).
   * @param known Modified: the pixels of order become true.
   * @param fallback one value per band; may be null when {@code order} comes from {@link #order}
   *     and every fillable pixel is reachable
   */
  public static void fill(float[] values, int bands, boolean[] known, int[] order, int w, int h,
      float[] fallback) {
    float[] acc = new float[bands];
    int[] around = new int[Neighbours8.MAX];
    for (int p : order) {
      Arrays.fill(acc, 0);
      int n = 0;
      int count = Neighbours8.of(p, w, h, around);
      for (int k = 0; k < count; k++) {
        int q = around[k];
        if (known[q]) {
          for (int c = 0; c < bands; c++) {
            acc[c] += values[q * bands + c];
          }
          n++;
        }
      }
      for (int c = 0; c < bands; c++) {
        values[p * bands + c] = n > 0 ? acc[c] / n : fallback[c];
      }
      known[p] = true;
    }
  }
}
