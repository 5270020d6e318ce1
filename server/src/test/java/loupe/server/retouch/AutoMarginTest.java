// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

/**
 * The automatic mask's margin ({@link ProductMasks#withMargin}) protects fully everything within
 * {@link AutoMargins#margin()} px of the estimate, in every direction, and fades beyond it; the
 * margins grow with the shot and the piece ({@link AutoMargins#forEstimate}).
 */
class AutoMarginTest {
  @Test
  void full_protection_reaches_the_margin_and_fades_beyond() {
    int n = 160;
    GrayU16 estimate = new GrayU16(n, n);
    estimate.set(80, 80, 65535);
    estimate.set(81, 80, 20000); // a soft estimate pixel counts as estimate too
    GrayU16 margin = ProductMasks.withMargin(estimate, AutoMargins.DESIGN);

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
    assertThat(fullReach).as("nearest pixel not fully protected").isGreaterThan(AutoMargins.DESIGN.margin());
    assertThat(softReach).as("farthest protected pixel")
        .isGreaterThan(AutoMargins.DESIGN.margin() + 2).isLessThan(AutoMargins.DESIGN.margin() + 6 * AutoMargins.DESIGN.softness() + 2);
  }

  @Test
  void margins_grow_with_a_longer_shot_and_a_larger_piece_never_shrink() {
    GrayU16 small = disk(1600, 1200, 100);
    assertThat(AutoMargins.forEstimate(small)).isEqualTo(AutoMargins.DESIGN);
    assertThat(AutoMargins.forEstimate(disk(800, 600, 60))).as("a smaller shot").isEqualTo(AutoMargins.DESIGN);
    // Twice the long side: twice the margins (the release zone is fixed in px).
    AutoMargins longer = AutoMargins.forEstimate(disk(3200, 2400, 100));
    assertThat(longer.margin()).isEqualTo(2 * AutoMargins.DESIGN.margin());
    assertThat(longer.propCore()).isEqualTo(2 * AutoMargins.DESIGN.propCore());
    assertThat(longer.propClosing()).isEqualTo(2 * AutoMargins.DESIGN.propClosing());
    assertThat(longer.releaseRadius()).isEqualTo(AutoMargins.DESIGN.releaseRadius());
    // A piece of 280 px radius in a 1600 px shot: twice the design piece, twice the margin (±1 px of radius).
    AutoMargins larger = AutoMargins.forEstimate(disk(1600, 1200, 280));
    assertThat(larger.margin()).isBetween(2 * AutoMargins.DESIGN.margin() - 1, 2 * AutoMargins.DESIGN.margin() + 1);
  }

  @Test
  void holes_an_estimate_leaves_inside_a_stone_do_not_make_the_piece_smaller() {
    // ISNet's estimate of a large stone has islands of missed facets inside it; measured with them,
    // a 2x close-up's stone got the design margins and lost a prong tip (docs/recipes.md).
    GrayU16 stone = disk(1600, 1200, 280);
    for (int cy = 450; cy <= 750; cy += 100) {
      for (int cx = 650; cx <= 950; cx += 100) {
        for (int y = cy - 15; y <= cy + 15; y++) {
          for (int x = cx - 15; x <= cx + 15; x++) {
            stone.set(x, y, 0);
          }
        }
      }
    }
    assertThat(AutoMargins.forEstimate(stone)).isEqualTo(AutoMargins.forEstimate(disk(1600, 1200, 280)));
  }

  private static GrayU16 disk(int w, int h, int r) {
    GrayU16 m = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        m.set(x, y, Math.hypot(x - w / 2.0, y - h / 2.0) <= r ? 65535 : 0);
      }
    }
    return m;
  }
}
