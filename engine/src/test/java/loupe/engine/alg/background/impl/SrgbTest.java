// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SrgbTest {
  @Test
  void every_storage_value_survives_decode_then_encode() {
    for (int v = 0; v <= 65535; v++) {
      assertThat(Srgb.encode(Srgb.decode(v))).isEqualTo(v);
    }
  }

  @Test
  void table_encoding_matches_the_formula() {
    Random rnd = new Random(1);
    for (int i = 0; i < 200_000; i++) {
      double linear = i % 2 == 0 ? rnd.nextDouble() : rnd.nextDouble() * 0.01;
      assertThat(Srgb.encodeExact(linear)).isCloseTo(65535 * Srgb.fromLinear(linear), within(0.005));
    }
    assertThat(Srgb.encode(-0.5)).isZero();
    assertThat(Srgb.encode(1.5)).isEqualTo(65535);
  }
}
