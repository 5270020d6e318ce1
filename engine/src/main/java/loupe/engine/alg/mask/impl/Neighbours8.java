// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * The 3×3 neighbourhood of a pixel of a row-major {@code w × h} grid, clipped to the frame: the
 * 8-neighbours and the pixel itself, in raster order (callers that sum over it rely on the order).
 */
public final class Neighbours8 {
  /** Room for a whole neighbourhood. */
  public static final int MAX = 9;

  private Neighbours8() {}

  /**
   * Writes the indices of the in-frame pixels of the 3×3 square around {@code p} to {@code out}.
   *
   * @param out at least {@link #MAX} long. Modified.
   * @return how many were written
   */
  public static int of(int p, int w, int h, int[] out) {
    int x = p % w;
    int y = p / w;
    int n = 0;
    for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
      for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
        out[n++] = ny * w + nx;
      }
    }
    return n;
  }

  /**
   * Whether any pixel of the 3×3 square around {@code p} (clipped to the frame) is set.
   *
   * @param plane Not modified.
   */
  public static boolean any(boolean[] plane, int p, int w, int h) {
    int x = p % w;
    int y = p / w;
    for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
      for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
        if (plane[ny * w + nx]) {
          return true;
        }
      }
    }
    return false;
  }
}
