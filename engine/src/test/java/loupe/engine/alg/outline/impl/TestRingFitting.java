// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import loupe.engine.alg.mask.PathGeometry.Knot;
import org.junit.jupiter.api.Test;

class TestRingFitting {
  /** A noisy star: r = base·(1 + bumps·cos(k·θ)) with jitter, as packed x,y pairs. */
  static double[] star(Random rng, int n, double base, int k, double bumps, double jitter) {
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double t = 2 * Math.PI * i / n;
      double r = base * (1 + bumps * Math.cos(k * t)) + jitter * (rng.nextDouble() - 0.5);
      xy[2 * i] = 100 + r * Math.cos(t);
      xy[2 * i + 1] = 100 + r * Math.sin(t);
    }
    return xy;
  }

  /** Naive distance from a point to a chain of cubics, sampled at 400 points per segment. */
  static double distance(List<Knot> knots, double px, double py) {
    double best = Double.MAX_VALUE;
    int n = knots.size();
    for (int k = 0; k < n; k++) {
      Knot a = knots.get(k);
      Knot b = knots.get((k + 1) % n);
      double[] c = {a.x(), a.y(), a.outX(), a.outY(), b.inX(), b.inY(), b.x(), b.y()};
      for (int i = 0; i <= 400; i++) {
        double[] q = BezierFitter.point(c, i / 400.0);
        best = Math.min(best, Math.hypot(q[0] - px, q[1] - py));
      }
    }
    return best;
  }

  @Test
  void every_dropped_vertex_lies_within_the_tolerance_of_the_edge_that_replaces_it() {
    Random rng = new Random(11);
    for (int trial = 0; trial < 30; trial++) {
      double[] xy = star(rng, 50 + rng.nextInt(400), 10 + 60 * rng.nextDouble(), 1 + rng.nextInt(9), 0.3 * rng.nextDouble(),
          rng.nextDouble());
      double tol = 0.05 + rng.nextDouble();
      int[] kept = RingSimplifier.keep(xy, tol);
      assertThat(kept.length).isGreaterThanOrEqualTo(4);
      assertThat(kept[0]).isZero();
      int n = xy.length / 2;
      for (int k = 0; k < kept.length; k++) {
        int a = kept[k];
        int b = k + 1 < kept.length ? kept[k + 1] : n;
        for (int i = a + 1; i < b; i++) {
          assertThat(Math.sqrt(RingSimplifier.segmentDistance2(xy, i, a, b % n)))
              .as("trial %d vertex %d between %d and %d", trial, i, a, b).isLessThanOrEqualTo(tol);
        }
      }
    }
  }

  @Test
  void fitted_curves_pass_within_the_tolerance_of_every_point_and_through_the_corners() {
    Random rng = new Random(12);
    for (int trial = 0; trial < 12; trial++) {
      double[] xy = star(rng, 120 + rng.nextInt(300), 20 + 50 * rng.nextDouble(), 2 + rng.nextInt(6), 0.25, 0.2);
      double tol = 0.2 + 0.4 * rng.nextDouble();
      int n = xy.length / 2;
      int[] corners = trial % 3 == 0 ? new int[0] : new int[] {0, n / 3, n / 2 + 1};
      List<Knot> knots = BezierFitter.fit(xy, corners, tol);
      for (int i = 0; i < n; i++) {
        assertThat(distance(knots, xy[2 * i], xy[2 * i + 1])).as("trial %d point %d", trial, i)
            .isLessThanOrEqualTo(tol + 0.01);
      }
      for (int c : corners) {
        assertThat(knots).anySatisfy(k -> {
          assertThat(k.x()).isEqualTo(xy[2 * c]);
          assertThat(k.y()).isEqualTo(xy[2 * c + 1]);
        });
      }
      assertThat(knots.size()).as("curves need far fewer knots than points").isLessThan(n / 3);
    }
  }

  @Test
  void rings_of_five_or_six_points_fit_as_smooth_loops() {
    for (int n : new int[] {5, 6}) {
      double[] xy = new double[2 * n];
      for (int i = 0; i < n; i++) {
        xy[2 * i] = 50 + 20 * Math.cos(2 * Math.PI * i / n);
        xy[2 * i + 1] = 50 + 20 * Math.sin(2 * Math.PI * i / n);
      }
      // A tangent spanning more than half the ring would point backwards and fold the curve.
      double area = RingArea.knots(BezierFitter.fit(xy, new int[0], 0.3));
      assertThat(area).as("n=%d", n).isBetween(RingArea.polygon(xy), 1.01 * Math.PI * 400);
    }
  }

  @Test
  void a_fitted_circle_has_the_area_of_the_circle() {
    int n = 720;
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      xy[2 * i] = 50 + 40 * Math.cos(2 * Math.PI * i / n);
      xy[2 * i + 1] = 50 + 40 * Math.sin(2 * Math.PI * i / n);
    }
    List<Knot> knots = BezierFitter.fit(xy, new int[0], 0.05);
    assertThat(RingArea.knots(knots)).isCloseTo(Math.PI * 1600, within(0.001 * Math.PI * 1600));
    assertThat(RingArea.polygon(xy)).isCloseTo(Math.PI * 1600, within(0.001 * Math.PI * 1600));
    assertThat(knots.size()).isLessThanOrEqualTo(16);
  }
}
