// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class EnclosedHolesTest {
  /** A square outline of exclude pixels from (x0,y0) to (x1,y1) inclusive, open on one side if asked. */
  private static void outline(GrayU16 mask, int x0, int y0, int x1, int y1, boolean open) {
    for (int x = x0; x <= x1; x++) {
      mask.set(x, y0, 65535);
      mask.set(x, y1, 65535);
    }
    for (int y = y0; y <= y1; y++) {
      mask.set(x0, y, 65535);
      if (!open || y != (y0 + y1) / 2) {
        mask.set(x1, y, 65535);
      }
    }
  }

  @Test
  void fills_pockets_only_when_they_are_closed() {
    GrayU16 mask = new GrayU16(30, 20);
    outline(mask, 2, 2, 10, 10, false);
    outline(mask, 15, 2, 25, 12, true);
    GrayU16 out = EnclosedHoles.fill(mask);
    assertThat(out.get(6, 6)).isEqualTo(65535);
    assertThat(out.get(20, 7)).isZero();
    assertThat(out.get(2, 2)).isEqualTo(65535);
    assertThat(out.get(0, 0)).isZero();
    assertThat(out.get(12, 15)).isZero();
  }

  @Test
  void runs_the_same_on_a_subimage_view() {
    GrayU16 mask = new GrayU16(20, 16);
    outline(mask, 3, 3, 12, 11, false);
    GrayU16 big = GrayU16.filled(40, 40, 65535);
    GrayU16 view = big.subimage(10, 12, 30, 28);
    view.setTo(mask);
    assertThat(EnclosedHoles.fill(view).sameSamples(EnclosedHoles.fill(mask))).isTrue();
  }
}
