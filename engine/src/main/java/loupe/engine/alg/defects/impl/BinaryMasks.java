// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import loupe.engine.alg.mask.impl.FloodFill;
import loupe.engine.alg.mask.impl.Neighbours8;

/** Small binary-mask operations on row-major {@code boolean[]} planes. */
public final class BinaryMasks {
  private BinaryMasks() {}

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
