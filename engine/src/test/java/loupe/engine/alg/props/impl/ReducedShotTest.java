// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class ReducedShotTest {
  @Test
  void blockMeansInLinearLightMatchTheNaiveOnesOnViewsAndPartialBlocks() {
    Random random = new Random(4);
    Planar big = Planar.create(3, 40, 30);
    GrayU16 bigMask = new GrayU16(40, 30);
    for (GrayU16 band : big.bands) {
      for (int i = 0; i < band.data.length; i++) {
        band.data[i] = (short) random.nextInt(65536);
      }
    }
    bigMask.set(20, 12, 1);
    bigMask.set(31, 25, 65535);
    Planar view = big.subimage(3, 2, 34, 27); // 31×25: partial blocks at factor 4
    GrayU16 mask = bigMask.subimage(3, 2, 34, 27);
    ReducedShot shot = ReducedShot.of(view, mask, 4, Progress.NONE);
    assertThat(shot.width()).isEqualTo(8);
    assertThat(shot.height()).isEqualTo(7);
    for (int by = 0; by < 7; by++) {
      for (int bx = 0; bx < 8; bx++) {
        boolean product = false;
        for (int c = 0; c < 3; c++) {
          double sum = 0;
          int n = 0;
          for (int y = 4 * by; y < Math.min(25, 4 * by + 4); y++) {
            for (int x = 4 * bx; x < Math.min(31, 4 * bx + 4); x++) {
              sum += Srgb.toLinear(view.bands[c].get(x, y) / 65535.0);
              n++;
              product |= mask.get(x, y) > 0;
            }
          }
          assertThat(shot.linear()[c][by * 8 + bx]).isCloseTo((float) (sum / n), within(1e-5f));
        }
        assertThat(shot.product()[by * 8 + bx]).as("block (%d,%d)", bx, by).isEqualTo(product);
      }
    }
    assertThat(shot.product()[(10 / 4) * 8 + 17 / 4]).isTrue();
  }

  @Test
  void theFactorBringsTheLongSideNearTheWorkSize() {
    assertThat(ReducedShot.factorFor(1600, 1200, 400)).isEqualTo(4);
    assertThat(ReducedShot.factorFor(6000, 4000, 400)).isEqualTo(15);
    assertThat(ReducedShot.factorFor(300, 200, 400)).isEqualTo(1);
  }
}
