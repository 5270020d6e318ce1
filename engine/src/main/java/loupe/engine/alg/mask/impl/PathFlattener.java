// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.Arrays;
import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;
import loupe.engine.alg.mask.PathGeometry.Subpath;

/**
 * Turns a subpath into a polygon whose edges stay within a tolerance of the Bézier curves. Each
 * cubic is cut into m equal parameter steps with m = ⌈√(¾·L/tol)⌉, where L is the largest second
 * difference of its control points: a chord of a step then deviates from the curve by at most
 * (1/8)·max|B''|/m² ≤ ¾·L/m² ≤ tol.
 */
public final class PathFlattener {
  /** Largest deviation between a curve and its polygon, in pixels. */
  public static final double TOLERANCE = 0.001;
  /** Bounds the work for absurd control points (PSD allows ±16 image sizes). */
  private static final int MAX_STEPS = 1 << 14;

  private PathFlattener() {}

  /**
   * The polygon of {@code subpath} as packed x,y pairs. The polygon is implicitly closed (last
   * vertex back to the first), which is also how an open subpath is filled.
   */
  public static double[] flatten(Subpath subpath) {
    List<Knot> knots = subpath.knots();
    int n = knots.size();
    if (n == 0) {
      return new double[0];
    }
    int segments = subpath.closed() ? n : n - 1;
    double[] xy = new double[64];
    int size = 0;
    xy[size++] = knots.get(0).x();
    xy[size++] = knots.get(0).y();
    for (int s = 0; s < segments; s++) {
      Knot a = knots.get(s);
      Knot b = knots.get((s + 1) % n);
      int steps = steps(a, b);
      if (xy.length < size + 2 * steps) {
        xy = Arrays.copyOf(xy, Math.max(2 * xy.length, size + 2 * steps));
      }
      for (int i = 1; i <= steps; i++) {
        double t = (double) i / steps;
        double u = 1 - t;
        double c0 = u * u * u;
        double c1 = 3 * u * u * t;
        double c2 = 3 * u * t * t;
        double c3 = t * t * t;
        xy[size++] = c0 * a.x() + c1 * a.outX() + c2 * b.inX() + c3 * b.x();
        xy[size++] = c0 * a.y() + c1 * a.outY() + c2 * b.inY() + c3 * b.y();
      }
    }
    return Arrays.copyOf(xy, size);
  }

  private static int steps(Knot a, Knot b) {
    boolean straight = a.outX() == a.x() && a.outY() == a.y() && b.inX() == b.x() && b.inY() == b.y();
    if (straight) {
      return 1;
    }
    double l = Math.max(
        Math.hypot(a.x() - 2 * a.outX() + b.inX(), a.y() - 2 * a.outY() + b.inY()),
        Math.hypot(a.outX() - 2 * b.inX() + b.x(), a.outY() - 2 * b.inY() + b.y()));
    double steps = Math.ceil(Math.sqrt(0.75 * l / TOLERANCE));
    return (int) Math.max(1, Math.min(MAX_STEPS, steps));
  }
}
