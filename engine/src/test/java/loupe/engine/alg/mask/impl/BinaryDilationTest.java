// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BinaryDilation} against the naive square window, on odd sizes and densities. */
class BinaryDilationTest {
  @Test
  void dilation_is_any_of_the_clipped_square_window() {
    Random random = new Random(11);
    int[][] sizes = {{23, 17}, {37, 21}, {1, 9}, {9, 1}, {1, 1}, {300, 3}};
    for (int[] size : sizes) {
      int w = size[0];
      int h = size[1];
      for (double density : new double[] {0.02, 0.3, 0.9}) {
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
          mask[i] = random.nextDouble() < density;
        }
        for (int r : new int[] {0, 1, 2, 3, 7}) {
          assertThat(BinaryDilation.square(mask, w, h, r)).as("%dx%d density %.2f r=%d", w, h, density, r)
              .isEqualTo(naive(mask, w, h, r));
        }
      }
    }
  }

  @Test
  void input_is_not_modified() {
    boolean[] mask = new boolean[25];
    mask[12] = true;
    boolean[] before = mask.clone();
    BinaryDilation.square(mask, 5, 5, 1);
    assertThat(mask).isEqualTo(before);
  }

  private static boolean[] naive(boolean[] mask, int w, int h, int r) {
    boolean[] out = new boolean[w * h];
    for (int p = 0; p < w * h; p++) {
      for (int q = 0; q < w * h; q++) {
        out[p] |= mask[q] && Math.abs(q % w - p % w) <= r && Math.abs(q / w - p / w) <= r;
      }
    }
    return out;
  }
}
