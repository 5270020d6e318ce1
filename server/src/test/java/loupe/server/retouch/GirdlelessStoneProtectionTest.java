// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.alg.segment.StoneShot;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

/**
 * The automatic protection ({@link ProductMasks#protection}) on a stone the estimate falls short
 * of: without a girdle line, its flat rim facets at the grey of its contact shadow are flooded as
 * background (thousands of pixels), and beside a beige putty the prop detector takes some of them
 * for putty. The protection over props (the estimate's closed core grown by {@link
 * AutoMargins#propCore()}) must still cover every pixel the stone fully covers; with 4 px it
 * left 56 uncovered.
 */
class GirdlelessStoneProtectionTest {
  private static final double[] BEIGE_PUTTY = {0.84, 0.83, 0.80};

  @Test
  void every_stone_pixel_stays_fully_protected_beside_the_putty() {
    StoneShot.Rendered shot = new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.2, BEIGE_PUTTY).render(3);
    GrayU16 estimate = new ClassicalSegmenter().segment(shot.image(), Progress.NONE);
    GrayU16 protection = ProductMasks.protection(shot.image(), estimate, AutoMargins.DESIGN, Progress.NONE).mask();
    long missed = 0;
    long unprotected = 0;
    for (int i = 0; i < shot.full().length; i++) {
      int x = i % estimate.width;
      int y = i / estimate.width;
      if (shot.full()[i]) {
        missed += estimate.get(x, y) < 32768 ? 1 : 0;
        unprotected += protection.get(x, y) < 65535 ? 1 : 0;
      }
    }
    assertThat(missed).as("stone pixels the estimate misses (what makes this case hard)").isGreaterThan(1000);
    assertThat(unprotected).as("stone pixels not fully protected").isZero();
  }
}
