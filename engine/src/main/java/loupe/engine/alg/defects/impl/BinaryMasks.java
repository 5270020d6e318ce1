// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.Arrays;
import java.util.stream.IntStream;
import loupe.engine.alg.mask.impl.FloodFill;
import loupe.engine.alg.mask.impl.Neighbours8;

/** Small binary-mask operations on row-major {@code boolean[]} planes. */
public final class BinaryMasks {
  private BinaryMasks() {}

  /**
   * Dilation by a (2r+1)² square: true within r pixels (Chebyshev distance) of a true pixel. Two
   * separable passes, each tracking the nearest true pixel before and after, O(pixels); rows in
   * parallel, then columns in parallel chunks walked row by row (cache-friendly).
   *
   * @param mask Not modified.
   */
  public static boolean[] dilate(boolean[] mask, int w, int h, int r) {
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

  /**
   * Hysteresis (Canny 1986): the 8-connected components of {@code grow} that contain a {@code seed}
   * pixel, except components larger than {@code maxArea} and, if {@code avoid} is given,
   * components with a pixel 8-adjacent to (or on) an {@code avoid} pixel.
   *
   * @param seed Not modified.
   * @param grow Not modified; a seed pixel outside it still starts (and belongs to) a component.
   * @param avoid Not modified; may be null.
   */
  public static boolean[] hysteresis(boolean[] seed, boolean[] grow, int w, int h, int maxArea, boolean[] avoid) {
    boolean[] out = new boolean[w * h];
    boolean[] seen = new boolean[w * h];
    FloodFill flood = new FloodFill(w, h);
    for (int start = 0; start < w * h; start++) {
      if (!seed[start] || seen[start]) {
        continue;
      }
      int count = flood.fill(start, seen, q -> grow[q] || seed[q]);
      int[] members = flood.members();
      if (count > maxArea || avoid != null && touches(members, count, avoid, w, h)) {
        continue;
      }
      for (int i = 0; i < count; i++) {
        out[members[i]] = true;
      }
    }
    return out;
  }

  private static boolean touches(int[] members, int count, boolean[] avoid, int w, int h) {
    for (int i = 0; i < count; i++) {
      if (Neighbours8.any(avoid, members[i], w, h)) {
        return true;
      }
    }
    return false;
  }
}
