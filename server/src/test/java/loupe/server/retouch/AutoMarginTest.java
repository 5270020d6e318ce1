// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

/**
 * The automatic mask's margin ({@link ProductMasks#withMargin}) protects fully everything within
 * {@link ProductMasks#AUTO_MARGIN} px of the estimate, in every direction, and fades beyond it.
 */
class AutoMarginTest {
  @Test
  void full_protection_reaches_the_margin_and_fades_beyond() {
    int n = 160;
    GrayU16 estimate = new GrayU16(n, n);
    estimate.set(80, 80, 65535);
    estimate.set(81, 80, 20000); // a soft estimate pixel counts as estimate too
    GrayU16 margin = ProductMasks.withMargin(estimate);

    double fullReach = Double.MAX_VALUE;
    double softReach = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double d = Math.min(Math.hypot(x - 80, y - 80), Math.hypot(x - 81, y - 80));
        if (margin.get(x, y) < 65535) {
          fullReach = Math.min(fullReach, d);
        }
        if (margin.get(x, y) > 0) {
          softReach = Math.max(softReach, d);
        }
      }
    }
    assertThat(fullReach).as("nearest pixel not fully protected").isGreaterThan(ProductMasks.AUTO_MARGIN);
    assertThat(softReach).as("farthest protected pixel")
        .isGreaterThan(ProductMasks.AUTO_MARGIN + 2).isLessThan(ProductMasks.AUTO_MARGIN + 6 * ProductMasks.AUTO_SOFTNESS + 2);
  }
}
