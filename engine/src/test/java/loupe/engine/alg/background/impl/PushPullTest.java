// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PushPullTest {
  @Test
  void keeps_known_samples_and_fills_holes_between_them() {
    int w = 37;
    int h = 23;
    float[] value = new float[w * h];
    float[] weight = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean hole = Math.hypot(x - 18, y - 11) < 8;
        weight[y * w + x] = hole ? 0 : 1;
        value[y * w + x] = hole ? 99 : 0.25f + 0.01f * x;
      }
    }
    float[] original = value.clone();
    PushPull.fill(value, weight, w, h);
    for (int i = 0; i < value.length; i++) {
      if (weight[i] == 1) {
        assertThat(value[i]).isEqualTo(original[i]);
      } else {
        // A ramp from 0.25 to 0.61: any fill must stay within the values around the hole.
        assertThat((double) value[i]).isBetween(0.25 + 0.01 * 9, 0.25 + 0.01 * 27);
      }
    }
  }

  @Test
  void fills_a_constant_field_with_the_constant() {
    int w = 16;
    int h = 9;
    float[] value = new float[w * h];
    float[] weight = new float[w * h];
    value[3 * w + 5] = 0.4f;
    weight[3 * w + 5] = 1;
    PushPull.fill(value, weight, w, h);
    for (float v : value) {
      assertThat((double) v).isCloseTo(0.4, within(1e-6));
    }
  }

  @Test
  void leaves_zeros_when_nothing_is_known() {
    float[] value = new float[12];
    PushPull.fill(value, new float[12], 4, 3);
    assertThat(value).containsOnly(0f);
  }
}
