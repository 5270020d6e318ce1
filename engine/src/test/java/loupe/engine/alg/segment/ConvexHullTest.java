// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hull and its rows against a naive oracle: a pixel is inside when it lies on the inner side of every edge. */
class ConvexHullTest {
  private static final int SIZE = 40;

  @Test
  void rowsHoldExactlyThePixelsOnTheInnerSideOfEveryEdge() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 3 + random.nextInt(30);
      int[] xs = new int[n];
      int[] ys = new int[n];
      for (int i = 0; i < n; i++) {
        xs[i] = random.nextInt(SIZE);
        ys[i] = random.nextInt(SIZE);
      }
      ConvexHull hull = ConvexHull.of(xs, ys);
      int[] left = new int[SIZE];
      int[] right = new int[SIZE];
      long count = hull.rows(SIZE, left, right);
      long oracleCount = 0;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          boolean in = naiveInside(hull, xs, ys, x, y);
          oracleCount += in ? 1 : 0;
          assertThat(x >= left[y] && x <= right[y]).as("trial %d pixel (%d,%d)", trial, x, y).isEqualTo(in);
        }
      }
      assertThat(count).isEqualTo(oracleCount);
      for (int i = 0; i < n; i++) {
        assertThat(xs[i] >= left[ys[i]] && xs[i] <= right[ys[i]]).as("input point inside").isTrue();
      }
    }
  }

  @Test
  void dropsInteriorAndCollinearPoints() {
    ConvexHull hull = ConvexHull.of(new int[] {0, 5, 10, 10, 10, 0, 4}, new int[] {0, 0, 0, 5, 10, 10, 6});
    assertThat(hull.xs()).hasSize(4);
    assertThat(hull.distanceTo(4, 6)).isEqualTo(4.0);
    assertThat(hull.distanceTo(13, 14)).isEqualTo(5.0);
    assertThat(hull.distanceTo(10, 3)).isZero();
  }

  @Test
  void aSinglePointOrALineIsItsOwnHull() {
    int[] left = new int[3];
    int[] right = new int[3];
    assertThat(ConvexHull.of(new int[] {2}, new int[] {1}).rows(3, left, right)).isEqualTo(1);
    assertThat(left[1]).isEqualTo(2);
    assertThat(right[1]).isEqualTo(2);
    assertThat(left[0]).isGreaterThan(right[0]);
    assertThat(ConvexHull.of(new int[] {0, 2, 4}, new int[] {0, 1, 2}).rows(3, left, right)).isEqualTo(3);
  }

  @Test
  void refusesMismatchedCoordinates() {
    assertThatThrownBy(() -> ConvexHull.of(new int[] {1, 2}, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hull of 2 x and 1 y");
  }

  /** Inside or on the hull: on the inner side of every edge, and within the points' box (for a degenerate hull). */
  private static boolean naiveInside(ConvexHull hull, int[] xs, int[] ys, int x, int y) {
    int m = hull.xs().length;
    if (m < 3) {
      throw new AssertionError("degenerate hull in the random trials");
    }
    for (int i = 0; i < m; i++) {
      long ax = hull.xs()[i];
      long ay = hull.ys()[i];
      long bx = hull.xs()[(i + 1) % m];
      long by = hull.ys()[(i + 1) % m];
      if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) {
        return false;
      }
    }
    return true;
  }
}
