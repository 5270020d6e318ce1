// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskedBoxMeanTest {
  @Test
  void matchesTheNaiveMeanOfTheValidPixelsInTheClippedWindow() {
    Random random = new Random(11);
    for (int[] size : new int[][] {{1, 1}, {7, 3}, {19, 12}, {33, 27}}) {
      int w = size[0];
      int h = size[1];
      float[] values = new float[w * h];
      boolean[] valid = new boolean[w * h];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat() * 2 - 1;
        valid[i] = random.nextInt(3) > 0;
      }
      for (int r = 0; r <= 4; r++) {
        float[] fast = MaskedBoxMean.mean(values, valid, w, h, r);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            assertThat(fast[y * w + x]).as("r=%d at (%d,%d)", r, x, y)
                .isCloseTo(naive(values, valid, w, h, x, y, r), within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void leavesItsInputsAloneAndRejectsANegativeRadius() {
    float[] values = {1, 2, 3, 4};
    boolean[] valid = {true, false, true, true};
    MaskedBoxMean.mean(values, valid, 2, 2, 1);
    assertThat(values).containsExactly(1, 2, 3, 4);
    assertThat(valid).containsExactly(true, false, true, true);
    assertThatThrownBy(() -> MaskedBoxMean.mean(values, valid, 2, 2, -1)).hasMessageContaining("radius");
  }

  private static float naive(float[] values, boolean[] valid, int w, int h, int cx, int cy, int r) {
    double sum = 0;
    int n = 0;
    for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
      for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
        if (valid[y * w + x]) {
          sum += values[y * w + x];
          n++;
        }
      }
    }
    return n == 0 ? 0 : (float) (sum / n);
  }
}
