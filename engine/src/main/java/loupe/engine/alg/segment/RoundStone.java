// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.SplittableRandom;
import loupe.engine.alg.util.LinearSolver;

/**
 * The girdle of a round stone, found on a part's selection. Where the flood took a band of rim
 * facets that mirror the sweep at the stone's widest point, the convex hull cuts the bite off with a
 * chord and no notch of the hull is left to fill. Rays from the part's centroid, one per {@link
 * #RAYS}-th of a turn, leave the selection on the girdle, or inside it at the bite, or beyond it at
 * a prong, the bail or a chain.
 *
 * <p>The circle is found among the exit points by RANSAC (Fischler and Bolles, CACM 24(6), 1981:
 * the circle through three of them that most lie on, {@link #TRIALS} seeded trials) and refined by
 * least squares on the algebraic distance (Kåsa, "A circle fitting procedure and its error
 * analysis", IEEE Trans. Instrum. Meas. 25(1), 1976) over those within its {@link #tolerance()}.
 * The selection has a round stone's girdle when the rays that exit on the circle are at least
 * {@link #MIN_COVERAGE} of them and leave no gap wider than {@link #MAX_GAP} (a flood's bite spans
 * up to a third of the rim). A stone seen at an angle is an ellipse, which a circle crosses in four
 * short arcs only.
 *
 * @param cx centre, x
 * @param cy centre, y
 * @param r radius
 */
record RoundStone(double cx, double cy, double r) {
  /** Fraction of the radius (at least {@link #MIN_TOLERANCE} px) an exit point may lie off the circle. */
  static final double TOLERANCE = 0.02;
  /** Px: the least tolerance (a digitised outline lies up to about a pixel off the circle). */
  static final double MIN_TOLERANCE = 1.5;
  /** Rays cast from the centroid. */
  static final int RAYS = 360;
  /** Least share of the rays that exit on the circle. */
  static final double MIN_COVERAGE = 0.4;
  /** Widest run of rays that do not exit on the circle (radians, 150°). */
  static final double MAX_GAP = Math.toRadians(150);
  /** RANSAC trials. */
  static final int TRIALS = 400;
  /** Px: the smallest stone considered. */
  static final double MIN_RADIUS = 8;
  /** Px: a ray leaves the selection where this many pixels in a row are unselected (not at a speck of a hole). */
  static final int EXIT_RUN = 3;

  /**
   * The round stone whose girdle the selection follows around ({@code x0}, {@code y0}), or null
   * when it follows none.
   *
   * @param set the selection, row-major w×h; Not modified
   * @param x0 where the rays start (the part's centroid); must be selected
   */
  static RoundStone fit(boolean[] set, int w, int h, double x0, double y0) {
    int ix = (int) Math.round(x0);
    int iy = (int) Math.round(y0);
    if (ix < 0 || iy < 0 || ix >= w || iy >= h || !set[iy * w + ix]) {
      return null;
    }
    // Exit points per ray; NaN where the ray runs out of the frame still in the selection.
    double[] xs = new double[RAYS];
    double[] ys = new double[RAYS];
    for (int k = 0; k < RAYS; k++) {
      double dx = Math.cos(2 * Math.PI * k / RAYS);
      double dy = Math.sin(2 * Math.PI * k / RAYS);
      xs[k] = Double.NaN;
      ys[k] = Double.NaN;
      int out = 0;
      for (int step = 1; ; step++) {
        int x = (int) Math.round(x0 + step * dx);
        int y = (int) Math.round(y0 + step * dy);
        if (x < 0 || y < 0 || x >= w || y >= h) {
          break;
        }
        out = set[y * w + x] ? 0 : out + 1;
        if (out == EXIT_RUN) {
          xs[k] = x0 + (step - EXIT_RUN) * dx;
          ys[k] = y0 + (step - EXIT_RUN) * dy;
          break;
        }
      }
    }
    SplittableRandom random = new SplittableRandom(RAYS);
    RoundStone best = null;
    int bestCount = 0;
    for (int t = 0; t < TRIALS; t++) {
      RoundStone c = through(xs, ys, random.nextInt(RAYS), random.nextInt(RAYS), random.nextInt(RAYS));
      int count = c == null ? 0 : c.countOn(xs, ys);
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    for (int round = 0; round < 3 && best != null; round++) {
      best = leastSquares(xs, ys, best);
    }
    return best != null && best.r >= MIN_RADIUS && best.girdleCovered(xs, ys) ? best : null;
  }

  /** The circle through three points; null when they are collinear or repeat. */
  private static RoundStone through(double[] xs, double[] ys, int i, int j, int k) {
    double ax = xs[i];
    double ay = ys[i];
    double bx = xs[j] - ax;
    double by = ys[j] - ay;
    double qx = xs[k] - ax;
    double qy = ys[k] - ay;
    double d = 2 * (bx * qy - by * qx);
    if (!(Math.abs(d) >= 1e-9)) { // also NaN: a ray without an exit
      return null;
    }
    double b2 = bx * bx + by * by;
    double q2 = qx * qx + qy * qy;
    double ux = (qy * b2 - by * q2) / d;
    double uy = (bx * q2 - qx * b2) / d;
    return new RoundStone(ax + ux, ay + uy, Math.hypot(ux, uy));
  }

  private int countOn(double[] xs, double[] ys) {
    int count = 0;
    for (int i = 0; i < xs.length; i++) {
      count += offset(xs[i], ys[i]) <= tolerance() ? 1 : 0;
    }
    return count;
  }

  /** Whether the rays that exit on the circle are {@link #MIN_COVERAGE} of them with no run of others over {@link #MAX_GAP}. */
  private boolean girdleCovered(double[] xs, double[] ys) {
    int covered = 0;
    int gap = 0;
    int longest = 0;
    // Twice round, so that a gap across the start is measured whole.
    for (int k = 0; k < 2 * RAYS; k++) {
      if (offset(xs[k % RAYS], ys[k % RAYS]) <= tolerance()) {
        covered += k < RAYS ? 1 : 0;
        gap = 0;
      } else {
        longest = Math.max(longest, ++gap);
      }
    }
    return covered >= MIN_COVERAGE * RAYS && longest * 2 * Math.PI / RAYS <= MAX_GAP;
  }

  /** How far (x, y) lies off the circle. */
  double offset(double x, double y) {
    return Math.abs(Math.hypot(x - cx, y - cy) - r);
  }

  /** The tolerance for this circle. */
  double tolerance() {
    return Math.max(MIN_TOLERANCE, TOLERANCE * r);
  }

  /**
   * Whether pixel (x, y) lies inside the circle by more than twice the tolerance: inside the stone
   * whatever the fit's error (on a synthetic disc the circle came out 1.5 px wide of it).
   */
  boolean inside(double x, double y) {
    return Math.hypot(x - cx, y - cy) < r - 2 * tolerance();
  }

  /**
   * Kåsa's fit to the points within the tolerance of {@code circle}: x² + y² + D x + E y + F = 0 in
   * least squares; null with fewer than three such points or no real circle.
   */
  private static RoundStone leastSquares(double[] xs, double[] ys, RoundStone circle) {
    int n = xs.length;
    boolean[] used = new boolean[n];
    // Centred on the points' mean, for conditioning.
    double mx = 0;
    double my = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      used[i] = circle.offset(xs[i], ys[i]) <= circle.tolerance();
      if (used[i]) {
        mx += xs[i];
        my += ys[i];
        m++;
      }
    }
    if (m < 3) {
      return null;
    }
    mx /= m;
    my /= m;
    double[][] basis = new double[n][];
    double[] weights = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double x = xs[i] - mx;
      double y = ys[i] - my;
      basis[i] = new double[] {x, y, 1};
      weights[i] = used[i] ? 1 : 0;
      values[i] = -(x * x + y * y);
    }
    // Collinear points leave the system singular: a vanishing term is dropped, and the circle that
    // results fails the coverage test.
    double[] def = LinearSolver.solveDroppingVanishing(LinearSolver.normalMatrix(basis, weights, n, 3),
        LinearSolver.weightedRhs(basis, weights, values, n, 3));
    double cx = -def[0] / 2;
    double cy = -def[1] / 2;
    double r2 = cx * cx + cy * cy - def[2];
    return r2 > 0 ? new RoundStone(cx + mx, cy + my, Math.sqrt(r2)) : null;
  }
}
