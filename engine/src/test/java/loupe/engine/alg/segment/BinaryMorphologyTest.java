// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryMorphologyTest {
  private static final int W = 23;
  private static final int H = 17;

  @Test
  void erodeMatchesTheNaiveSquareWindow() {
    Random random = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] mask = randomMask(random, 0.1 + 0.8 * random.nextDouble());
      for (int r = 0; r <= 3; r++) {
        assertThat(BinaryMorphology.erode(mask, W, H, r)).isEqualTo(naive(mask, r));
      }
    }
  }

  @Test
  void reconstructionIsTheFixedPointOfConditionalDilation() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] mask = randomMask(random, 0.55);
      boolean[] seeds = randomMask(random, 0.03);
      assertThat(BinaryMorphology.reconstruct(seeds, mask, W, H)).isEqualTo(naiveReconstruct(seeds, mask));
    }
  }

  @Test
  void reconstructionFollowsFourConnectivityOnly() {
    // Two pixels that touch only diagonally are separate regions for the background flood.
    boolean[] mask = new boolean[W * H];
    mask[0] = true;
    mask[W + 1] = true;
    boolean[] seeds = new boolean[W * H];
    seeds[0] = true;
    boolean[] out = BinaryMorphology.reconstruct(seeds, mask, W, H);
    assertThat(out[0]).isTrue();
    assertThat(out[W + 1]).isFalse();
  }

  static boolean[] randomMask(Random random, double density) {
    boolean[] m = new boolean[W * H];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextDouble() < density;
    }
    return m;
  }

  private static boolean[] naive(boolean[] mask, int r) {
    boolean[] out = new boolean[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean all = true;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= W || ny >= H) {
              continue; // outside the frame counts as set
            }
            all &= mask[ny * W + nx];
          }
        }
        out[y * W + x] = all;
      }
    }
    return out;
  }

  private static boolean[] naiveReconstruct(boolean[] seeds, boolean[] mask) {
    boolean[] cur = new boolean[W * H];
    for (int i = 0; i < cur.length; i++) {
      cur[i] = seeds[i] && mask[i];
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      boolean[] next = cur.clone();
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int i = y * W + x;
          if (cur[i] || !mask[i]) {
            continue;
          }
          boolean touch = (x > 0 && cur[i - 1]) || (x + 1 < W && cur[i + 1]) || (y > 0 && cur[i - W])
              || (y + 1 < H && cur[i + W]);
          if (touch) {
            next[i] = true;
            changed = true;
          }
        }
      }
      cur = next;
    }
    return cur;
  }
}
