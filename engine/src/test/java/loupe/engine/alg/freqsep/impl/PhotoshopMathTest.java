// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoshopMathTest {
  @Test
  void every_15_bit_value_survives_the_trip_through_16_bit_storage() {
    for (int v = 0; v <= PhotoshopMath.MAX15; v++) {
      assertThat(PhotoshopMath.to15(PhotoshopMath.to16(v))).isEqualTo(v);
    }
    assertThat(PhotoshopMath.to16(PhotoshopMath.MAX15)).isEqualTo(65535);
    assertThat(PhotoshopMath.to16(PhotoshopMath.HALF15)).isEqualTo(32768);
  }

  @Test
  void storage_to_15_bit_rounds_to_nearest() {
    for (int v = 0; v <= 65535; v++) {
      assertThat(Math.abs(PhotoshopMath.to15(v) - v * 32768.0 / 65535)).isLessThanOrEqualTo(0.5);
    }
  }

  @Test
  void eight_bit_recipe_loses_at_most_one_level_for_every_pair() {
    int worst = 0;
    for (int image = 0; image < 256; image++) {
      for (int low = 0; low < 256; low++) {
        int high = PhotoshopMath.high8(image, low);
        assertThat(high).isBetween(0, 255);
        worst = Math.max(worst, Math.abs(PhotoshopMath.linearLight8(low, high) - image));
      }
    }
    assertThat(worst).isEqualTo(1);
  }

  @Test
  void linear_light_is_neutral_at_mid_grey() {
    for (int base = 0; base < 256; base++) {
      assertThat(PhotoshopMath.linearLight8(base, 128)).isEqualTo(base);
    }
    for (int base = 0; base <= PhotoshopMath.MAX15; base += 7) {
      assertThat(PhotoshopMath.linearLight15(base, PhotoshopMath.HALF15)).isEqualTo(base);
    }
  }
}
