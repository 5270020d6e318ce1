// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import java.util.ArrayDeque;
import loupe.engine.image.GrayU16;

/** Mask helpers for tests that score against the dev scenes' truth. */
public final class TestMasks {
  private TestMasks() {}

  /**
   * The zeros of {@code mask} that a path of zeros 4-connects to the frame (breadth-first flood from
   * the border); the other zeros are the openings the mask encloses.
   *
   * @param mask Not modified.
   * @return row-major, {@code width × height}
   */
  public static boolean[] outside(GrayU16 mask) {
    int w = mask.width;
    int h = mask.height;
    boolean[] outside = new boolean[w * h];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && mask.get(x, y) == 0) {
          outside[y * w + x] = true;
          queue.add(y * w + x);
        }
      }
    }
    int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    while (!queue.isEmpty()) {
      int p = queue.poll();
      for (int[] d : steps) {
        int x = p % w + d[0];
        int y = p / w + d[1];
        if (x >= 0 && y >= 0 && x < w && y < h && !outside[y * w + x] && mask.get(x, y) == 0) {
          outside[y * w + x] = true;
          queue.add(y * w + x);
        }
      }
    }
    return outside;
  }
}
