// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.Arrays;
import java.util.function.IntPredicate;
import loupe.engine.image.Rect;

/**
 * 8- or 4-connected flood fill on a row-major {@code w × h} grid (depth-first with an explicit
 * stack), the one mechanism behind component labelling. Buffers are reused from fill to fill, so
 * an instance serves one thread.
 */
public final class FloodFill {
  private final int w;
  private final int h;
  private final boolean eight;
  private int[] stack = new int[64];
  private int[] members = new int[64];

  /** An 8-connected fill. */
  public FloodFill(int w, int h) {
    this(w, h, true);
  }

  /** @param eight 8-connected if true, else 4-connected (no diagonal steps) */
  public FloodFill(int w, int h, boolean eight) {
    this.w = w;
    this.h = h;
    this.eight = eight;
  }

  /**
   * Collects the component of {@code start}: it and every pixel reached through neighbours
   * {@code q} with {@code !seen[q] && inside.test(q)}; {@code start} itself joins whatever
   * {@code inside} says of it.
   *
   * @param seen Modified: the members become true.
   * @return the member count; the members are the first that many entries of {@link #members()}
   */
  public int fill(int start, boolean[] seen, IntPredicate inside) {
    int size = 0;
    int count = 0;
    stack[size++] = start;
    seen[start] = true;
    while (size > 0) {
      int p = stack[--size];
      if (count == members.length) {
        members = Arrays.copyOf(members, count * 2);
      }
      members[count++] = p;
      // The 3×3 square in raster order, clipped to the frame; one division per pixel, not per
      // neighbour (the fill runs over every pixel of a mask's complement).
      int x = p % w;
      int y = p / w;
      for (int dy = y > 0 ? -1 : 0; dy <= (y < h - 1 ? 1 : 0); dy++) {
        for (int dx = x > 0 ? -1 : 0; dx <= (x < w - 1 ? 1 : 0); dx++) {
          if (dx == 0 && dy == 0 || !eight && dx != 0 && dy != 0) {
            continue; // the pixel itself, or a diagonal step of a 4-connected fill
          }
          int q = p + dy * w + dx;
          if (!seen[q] && inside.test(q)) {
            seen[q] = true;
            if (size == stack.length) {
              stack = Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = q;
          }
        }
      }
    }
    return count;
  }

  /** The members of the last fill, in visiting order; valid up to the count it returned. */
  public int[] members() {
    return members;
  }

  /** The bounding box of the first {@code count} members (row-major indices of a {@code width}-wide grid); count ≥ 1. */
  public static Rect bounds(int[] members, int count, int width) {
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = -1;
    int bottom = -1;
    for (int i = 0; i < count; i++) {
      int x = members[i] % width;
      int y = members[i] / width;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
    return new Rect(left, top, right + 1, bottom + 1);
  }
}
