// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Round stones as a selection would show them after the flood: a disc (r = 100) with four prongs, a
 * chain running off the frame at the top, and a band of rim facets taken at its widest point.
 */
class RoundStoneTest {
  private static final int W = 300;
  private static final int H = 280;
  private static final double CX = 150;
  private static final double CY = 150;
  private static final double R = 100;

  private static boolean[] selection(BiPredicate<Double, Double> in) {
    boolean[] set = new boolean[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        set[y * W + x] = in.test(x - CX, y - CY);
      }
    }
    return set;
  }

  /** The disc less the rim facets within {@code depth} of its outline over {@code span}° around the leftmost point, with prongs and a chain. */
  private static boolean stone(double dx, double dy, double depth, double span) {
    double r = Math.hypot(dx, dy);
    double fromLeft = Math.abs(Math.toDegrees(Math.atan2(dy, -dx)));
    boolean disc = r <= R && !(r > R - depth && fromLeft < span / 2);
    // Prongs: 10 px wide bars out to 112 px on the diagonals.
    double u = Math.abs(dx) + Math.abs(dy);
    boolean prong = Math.abs(Math.abs(dx) - Math.abs(dy)) < 10 && u < 112 * Math.sqrt(2) && r > R - 10;
    boolean chain = Math.abs(dx - 5) < 6 && dy < 0;
    return disc || prong || chain;
  }

  @Test
  void a_round_stone_whose_widest_rim_the_flood_took_is_found_on_its_girdle() {
    // A third of the rim, 30 px deep: the bite lies beyond the hull's chord.
    boolean[] set = selection((dx, dy) -> stone(dx, dy, 30, 120));
    RoundStone stone = RoundStone.fit(set, W, H, CX + 10, CY);
    assertThat(stone).isNotNull();
    assertThat(stone.cx()).isCloseTo(CX, offset(1.0));
    assertThat(stone.cy()).isCloseTo(CY, offset(1.0));
    assertThat(stone.r()).isCloseTo(R, offset(1.5));
    assertThat(stone.inside(CX - R + 10, CY)).as("the bite, 10 px in").isTrue();
    assertThat(stone.inside(CX - R + 2, CY)).as("within twice the tolerance of the girdle").isFalse();
  }

  @Test
  void a_bite_wider_than_the_largest_gap_leaves_no_girdle() {
    boolean[] set = selection((dx, dy) -> stone(dx, dy, 30, 170));
    assertThat(RoundStone.fit(set, W, H, CX + 10, CY)).isNull();
  }

  @Test
  void an_oval_stone_is_not_round() {
    boolean[] set = selection((dx, dy) -> Math.hypot(dx, dy / 0.8) <= R);
    assertThat(RoundStone.fit(set, W, H, CX, CY)).isNull();
  }

  @Test
  void a_cushion_is_not_round() {
    boolean[] set = selection((dx, dy) -> Math.pow(Math.abs(dx) / R, 4) + Math.pow(Math.abs(dy) / R, 4) <= 1);
    assertThat(RoundStone.fit(set, W, H, CX, CY)).isNull();
  }

  @Test
  void rays_must_start_in_the_selection() {
    boolean[] set = selection((dx, dy) -> stone(dx, dy, 0, 0));
    assertThat(RoundStone.fit(set, W, H, CX, CY)).isNotNull();
    assertThat(RoundStone.fit(set, W, H, 5, 5)).isNull();
  }
}
