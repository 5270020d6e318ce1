// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxFilterTest {
  @Test
  void matchesTheNaiveClampedMean() {
    Random random = new Random(7);
    for (int[] size : new int[][] {{1, 1}, {5, 3}, {17, 9}, {40, 31}}) {
      Plane in = randomPlane(size[0], size[1], random);
      for (int r = 0; r <= 4; r++) {
        Plane fast = BoxFilter.mean(in, r);
        for (int y = 0; y < in.height(); y++) {
          for (int x = 0; x < in.width(); x++) {
            assertThat(fast.get(x, y)).as("r=%d at (%d,%d)", r, x, y).isCloseTo(naive(in, x, y, r), within(1e-3f));
          }
        }
      }
    }
  }

  @Test
  void leavesTheInputAlone() {
    Plane in = randomPlane(12, 7, new Random(3));
    float[] before = in.data().clone();
    BoxFilter.mean(in, 2);
    assertThat(in.data()).containsExactly(before);
  }

  static Plane randomPlane(int w, int h, Random random) {
    Plane p = new Plane(w, h);
    for (int i = 0; i < p.data().length; i++) {
      p.data()[i] = random.nextFloat() * 255;
    }
    return p;
  }

  private static float naive(Plane in, int cx, int cy, int r) {
    double sum = 0;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        int x = Math.max(0, Math.min(in.width() - 1, cx + dx));
        int y = Math.max(0, Math.min(in.height() - 1, cy + dy));
        sum += in.get(x, y);
      }
    }
    return (float) (sum / ((2 * r + 1) * (2 * r + 1)));
  }
}
