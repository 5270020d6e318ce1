// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static final int W = 19;
  private static final int H = 13;

  @Test
  void agreesWithNaiveLabelPropagation() {
    Random random = new Random(21);
    for (int trial = 0; trial < 30; trial++) {
      boolean[] mask = new boolean[W * H];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = random.nextDouble() < 0.45;
      }
      ConnectedComponents cc = ConnectedComponents.of(mask, W, H);
      int[] naive = naiveLabels(mask);
      for (int a = 0; a < mask.length; a++) {
        assertThat(cc.labels[a] >= 0).isEqualTo(mask[a]);
        for (int b = 0; b < mask.length; b++) {
          if (mask[a] && mask[b]) {
            assertThat(cc.labels[a] == cc.labels[b]).isEqualTo(naive[a] == naive[b]);
          }
        }
      }
      int total = 0;
      for (int area : cc.areas) {
        total += area;
      }
      int set = 0;
      for (boolean m : mask) {
        set += m ? 1 : 0;
      }
      assertThat(total).isEqualTo(set);
    }
  }

  @Test
  void keepsOnlyLargeEnoughComponents() {
    boolean[] mask = new boolean[W * H];
    mask[0] = true; // a single pixel
    for (int x = 5; x < 10; x++) {
      mask[6 * W + x] = true; // a run of 5
    }
    mask[7 * W + 10] = true; // diagonal neighbour joins the run under 8-connectivity
    ConnectedComponents cc = ConnectedComponents.of(mask, W, H);
    assertThat(cc.areas).containsExactly(1, 6);
    assertThat(cc.largestArea()).isEqualTo(6);
    boolean[] kept = cc.keepAtLeast(2);
    assertThat(kept[0]).isFalse();
    assertThat(kept[6 * W + 5]).isTrue();
    assertThat(kept[7 * W + 10]).isTrue();
  }

  /** Repeated min-label relaxation over 8-neighbours until nothing changes. */
  private static int[] naiveLabels(boolean[] mask) {
    int[] label = new int[W * H];
    for (int i = 0; i < label.length; i++) {
      label[i] = mask[i] ? i : -1;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int i = y * W + x;
          if (!mask[i]) {
            continue;
          }
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int nx = x + dx;
              int ny = y + dy;
              if (nx >= 0 && ny >= 0 && nx < W && ny < H && mask[ny * W + nx] && label[ny * W + nx] < label[i]) {
                label[i] = label[ny * W + nx];
                changed = true;
              }
            }
          }
        }
      }
    }
    return label;
  }
}
