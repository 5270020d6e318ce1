// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class VetoScaleTest {
  @Test
  void factorBringsTheLongSideWithinTheLimit() {
    assertThat(VetoScale.factor(1600, 1200, 1600)).isEqualTo(1);
    assertThat(VetoScale.factor(1601, 1200, 1600)).isEqualTo(2);
    assertThat(VetoScale.factor(6000, 4000, 1600)).isEqualTo(4);
    assertThat(VetoScale.factor(4000, 6000, 1600)).isEqualTo(4);
    assertThat(VetoScale.factor(6000, 40, 1600)).as("a strip keeps 16 px across").isEqualTo(2);
    assertThat(VetoScale.factor(6000, 20, 1600)).isEqualTo(1);
  }

  @Test
  void reduceIsTheRoundedBlockMeanOnViewsAsOnCopies() {
    Random random = new Random(3);
    Planar big = Planar.create(2, 53, 38);
    for (GrayU16 b : big.bands) {
      for (int i = 0; i < b.data.length; i++) {
        b.data[i] = (short) random.nextInt(65536);
      }
    }
    Planar view = big.subimage(3, 2, 50, 37);
    Planar small = VetoScale.reduce(view, 4);
    assertThat(small.width).isEqualTo(12);
    assertThat(small.height).isEqualTo(9);
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < small.height; y++) {
        for (int x = 0; x < small.width; x++) {
          long sum = 0;
          int n = 0;
          for (int yy = 4 * y; yy < Math.min(view.height, 4 * y + 4); yy++) {
            for (int xx = 4 * x; xx < Math.min(view.width, 4 * x + 4); xx++) {
              sum += view.bands[c].get(xx, yy);
              n++;
            }
          }
          assertThat(small.bands[c].get(x, y)).isEqualTo((int) Math.round((double) sum / n));
        }
      }
    }
    assertThat(small.sameSamples(VetoScale.reduce(view.copy(), 4))).isTrue();
  }

  @Test
  void enlargeKeepsABinaryShapeWithinHalfABlock() {
    GrayU16 small = new GrayU16(40, 30);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        small.set(x, y, Math.hypot(x + 0.5 - 20, y + 0.5 - 15) < 9 ? 65535 : 0);
      }
    }
    GrayU16 big = VetoScale.enlarge(small, 4, 158, 119);
    for (int y = 0; y < big.height; y++) {
      for (int x = 0; x < big.width; x++) {
        double r = Math.hypot((x + 0.5) / 4 - 20, (y + 0.5) / 4 - 15);
        int v = big.get(x, y);
        assertThat(v == 0 || v == 65535).isTrue();
        if (r < 8) {
          assertThat(v).as("inside at %d,%d", x, y).isEqualTo(65535);
        } else if (r > 10) {
          assertThat(v).as("outside at %d,%d", x, y).isZero();
        }
      }
    }
  }
}
