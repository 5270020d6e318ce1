// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Dilation of a row-major {@code boolean[]} mask by a (2r+1)² square clipped to the frame: true
 * within r pixels (Chebyshev distance) of a true pixel. The one binary dilation of the engine
 * (segmentation and defect detection both use it; erosion is its dual on the inverted mask).
 */
public final class BinaryDilation {
  private BinaryDilation() {}

  /**
   * Two separable passes, each tracking the nearest true pixel before and after, O(pixels); rows
   * in parallel, then columns in parallel chunks walked row by row (cache-friendly).
   *
   * @param mask Not modified.
   * @param r radius, ≥ 0 (0 returns a copy)
   * @return a new array
   */
  public static boolean[] square(boolean[] mask, int w, int h, int r) {
    if (r == 0) {
      return mask.clone();
    }
    int far = Integer.MAX_VALUE / 4;
    boolean[] near = new boolean[w * h]; // within r of a true pixel along the row
    IntStream.range(0, h).parallel().forEach(y -> {
      int last = -far;
      for (int x = 0; x < w; x++) {
        if (mask[y * w + x]) {
          last = x;
        }
        near[y * w + x] = x - last <= r;
      }
      last = far;
      for (int x = w - 1; x >= 0; x--) {
        if (mask[y * w + x]) {
          last = x;
        }
        near[y * w + x] |= last - x <= r;
      }
    });
    boolean[] out = new boolean[w * h];
    int chunk = 256;
    IntStream.range(0, (w + chunk - 1) / chunk).parallel().forEach(c -> {
      int x0 = c * chunk;
      int x1 = Math.min(w, x0 + chunk);
      int[] last = new int[x1 - x0]; // per column: the nearest row within r horizontally, above
      Arrays.fill(last, -far);
      for (int y = 0; y < h; y++) {
        for (int x = x0; x < x1; x++) {
          if (near[y * w + x]) {
            last[x - x0] = y;
          }
          out[y * w + x] = y - last[x - x0] <= r;
        }
      }
      Arrays.fill(last, far);
      for (int y = h - 1; y >= 0; y--) {
        for (int x = x0; x < x1; x++) {
          if (near[y * w + x]) {
            last[x - x0] = y;
          }
          out[y * w + x] |= last[x - x0] - y <= r;
        }
      }
    });
    return out;
  }
}
