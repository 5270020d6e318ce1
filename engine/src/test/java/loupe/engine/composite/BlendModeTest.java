// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlendModeTest {
  /** Naive double-precision oracle over the whole 16-bit range, light pixels included. */
  @Test
  void multiply_matches_the_rounded_product_for_every_sample_pair_on_a_grid() {
    for (int d = 0; d <= 65535; d += 257) {
      for (int s = 0; s <= 65535; s += 511) {
        int expected = (int) Math.round(d * (double) s / 65535.0);
        assertThat(BlendMode.MULTIPLY.blend(d, s)).as("%d × %d", d, s).isBetween(expected - 1, expected + 1);
      }
    }
    assertThat(BlendMode.MULTIPLY.blend(65535, 65535)).isEqualTo(65535);
    assertThat(BlendMode.MULTIPLY.blend(65535, 32768)).isEqualTo(32768);
  }
}
