// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;

/**
 * Fits a chain of cubic Béziers through a closed polyline (P. J. Schneider, "An algorithm for
 * automatically fitting digitized curves", Graphics Gems, 1990): chord-length parameters, the
 * least-squares cubic with fixed end tangents, up to four Newton–Raphson reparameterisations, and
 * a split at the worst point until every input point lies within the tolerance of its parameter
 * point on the curve. Corners break the ring with one-sided tangents; elsewhere the tangents at
 * joins are shared, so the curve is smooth there.
 */
public final class BezierFitter {
  private static final int NEWTON_STEPS = 4;
  /** Tangents are estimated over this many points to average out the contour's sub-pixel jitter. */
  private static final int TANGENT_SPAN = 3;

  private BezierFitter() {}

  /**
   * Knots of the fitted ring: corner knots at {@code corners} (their in and out handles point along
   * the adjacent curves), smooth knots where the fit had to split.
   *
   * @param xy closed polyline as packed x,y pairs (at least 3 points)
   * @param corners indices of corner points, ascending (may be empty)
   */
  public static List<Knot> fit(double[] xy, int[] corners, double tolerance) {
    Ring ring = new Ring(xy);
    List<Integer> breaks = new ArrayList<>();
    List<Boolean> sharp = new ArrayList<>();
    for (int c : corners) {
      breaks.add(c);
      sharp.add(true);
    }
    // A chain must not end where it starts: with fewer than two breaks, add the farthest point.
    if (breaks.isEmpty()) {
      breaks.add(0);
      sharp.add(false);
    }
    if (breaks.size() == 1) {
      int only = breaks.get(0);
      int far = ring.farthestFrom(only);
      int at = far > only ? 1 : 0;
      breaks.add(at, far);
      sharp.add(at, false);
    }
    List<double[]> segments = new ArrayList<>();
    int k = breaks.size();
    for (int b = 0; b < k; b++) {
      int first = breaks.get(b);
      int last = b + 1 < k ? breaks.get(b + 1) : breaks.get(0) + ring.n;
      double[] t1 = sharp.get(b) ? ring.forward(first, last) : ring.center(first, true);
      double[] t2 = sharp.get((b + 1) % k) ? ring.backward(first, last) : ring.center(last, false);
      fitChain(ring, first, last, t1, t2, tolerance * tolerance, segments);
    }
    List<Knot> knots = new ArrayList<>(segments.size());
    for (int s = 0; s < segments.size(); s++) {
      double[] seg = segments.get(s);
      double[] prev = segments.get((s + segments.size() - 1) % segments.size());
      knots.add(new Knot(prev[4], prev[5], seg[0], seg[1], seg[2], seg[3]));
    }
    return knots;
  }

  /** Fits points first..last (indices mod n) and appends cubics as {x0,y0,x1,y1,x2,y2,x3,y3}. */
  private static void fitChain(Ring ring, int first, int last, double[] t1, double[] t2, double err2,
      List<double[]> out) {
    Deque<double[]> work = new ArrayDeque<>();
    work.push(new double[] {first, last, t1[0], t1[1], t2[0], t2[1]});
    while (!work.isEmpty()) {
      double[] task = work.pop();
      int a = (int) task[0];
      int b = (int) task[1];
      double[] ta = {task[2], task[3]};
      double[] tb = {task[4], task[5]};
      if (b - a == 1) {
        out.add(heuristic(ring, a, b, ta, tb));
        continue;
      }
      double[] u = ring.chordParameters(a, b);
      double[] bez = leastSquares(ring, a, b, u, ta, tb);
      double[] worst = maxError(ring, a, b, bez, u);
      for (int step = 0; step < NEWTON_STEPS && worst[0] > err2 && worst[0] < 4 * err2; step++) {
        u = reparameterize(ring, a, b, bez, u);
        bez = leastSquares(ring, a, b, u, ta, tb);
        worst = maxError(ring, a, b, bez, u);
      }
      if (worst[0] <= err2) {
        out.add(bez);
        continue;
      }
      int split = (int) worst[1];
      double[] back = ring.center(split, false);
      // Pushed right half first so the left half is fitted (and emitted) first.
      work.push(new double[] {split, b, -back[0], -back[1], tb[0], tb[1]});
      work.push(new double[] {a, split, ta[0], ta[1], back[0], back[1]});
    }
  }

  /** Schneider's least-squares handle lengths along fixed tangents; Wu–Barsky thirds if degenerate. */
  private static double[] leastSquares(Ring ring, int a, int b, double[] u, double[] ta, double[] tb) {
    double x0 = ring.x(a);
    double y0 = ring.y(a);
    double x3 = ring.x(b);
    double y3 = ring.y(b);
    double c00 = 0;
    double c01 = 0;
    double c11 = 0;
    double r0 = 0;
    double r1 = 0;
    for (int i = a; i <= b; i++) {
      double t = u[i - a];
      double s = 1 - t;
      double b0 = s * s * s;
      double b1 = 3 * s * s * t;
      double b2 = 3 * s * t * t;
      double b3 = t * t * t;
      double a0x = ta[0] * b1;
      double a0y = ta[1] * b1;
      double a1x = tb[0] * b2;
      double a1y = tb[1] * b2;
      c00 += a0x * a0x + a0y * a0y;
      c01 += a0x * a1x + a0y * a1y;
      c11 += a1x * a1x + a1y * a1y;
      double rx = ring.x(i) - (x0 * (b0 + b1) + x3 * (b2 + b3));
      double ry = ring.y(i) - (y0 * (b0 + b1) + y3 * (b2 + b3));
      r0 += a0x * rx + a0y * ry;
      r1 += a1x * rx + a1y * ry;
    }
    double det = c00 * c11 - c01 * c01;
    double alphaA = det == 0 ? 0 : (r0 * c11 - r1 * c01) / det;
    double alphaB = det == 0 ? 0 : (c00 * r1 - c01 * r0) / det;
    double chord = Math.hypot(x3 - x0, y3 - y0);
    double eps = 1e-6 * chord;
    if (alphaA < eps || alphaB < eps || alphaA > 3 * chord || alphaB > 3 * chord) {
      return heuristic(ring, a, b, ta, tb);
    }
    return new double[] {x0, y0, x0 + ta[0] * alphaA, y0 + ta[1] * alphaA, x3 + tb[0] * alphaB, y3 + tb[1] * alphaB,
        x3, y3};
  }

  private static double[] heuristic(Ring ring, int a, int b, double[] ta, double[] tb) {
    double x0 = ring.x(a);
    double y0 = ring.y(a);
    double x3 = ring.x(b);
    double y3 = ring.y(b);
    double d = Math.hypot(x3 - x0, y3 - y0) / 3;
    return new double[] {x0, y0, x0 + ta[0] * d, y0 + ta[1] * d, x3 + tb[0] * d, y3 + tb[1] * d, x3, y3};
  }

  /** {largest squared distance, index of that point} over the interior points. */
  private static double[] maxError(Ring ring, int a, int b, double[] bez, double[] u) {
    double worst = 0;
    int at = (a + b) / 2;
    for (int i = a + 1; i < b; i++) {
      double[] q = point(bez, u[i - a]);
      double d = sq(q[0] - ring.x(i)) + sq(q[1] - ring.y(i));
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    return new double[] {worst, at};
  }

  /** One Newton–Raphson step per point towards the parameter of its nearest curve point. */
  private static double[] reparameterize(Ring ring, int a, int b, double[] bez, double[] u) {
    double[] out = new double[u.length];
    for (int i = a; i <= b; i++) {
      double t = u[i - a];
      double[] q = point(bez, t);
      double[] d1 = derivative(bez, t);
      double[] d2 = second(bez, t);
      double dx = q[0] - ring.x(i);
      double dy = q[1] - ring.y(i);
      double num = dx * d1[0] + dy * d1[1];
      double den = d1[0] * d1[0] + d1[1] * d1[1] + dx * d2[0] + dy * d2[1];
      out[i - a] = den == 0 ? t : Math.max(0, Math.min(1, t - num / den));
    }
    return out;
  }

  static double[] point(double[] c, double t) {
    double s = 1 - t;
    double b0 = s * s * s;
    double b1 = 3 * s * s * t;
    double b2 = 3 * s * t * t;
    double b3 = t * t * t;
    return new double[] {b0 * c[0] + b1 * c[2] + b2 * c[4] + b3 * c[6], b0 * c[1] + b1 * c[3] + b2 * c[5] + b3 * c[7]};
  }

  private static double[] derivative(double[] c, double t) {
    double s = 1 - t;
    double x = 3 * (s * s * (c[2] - c[0]) + 2 * s * t * (c[4] - c[2]) + t * t * (c[6] - c[4]));
    double y = 3 * (s * s * (c[3] - c[1]) + 2 * s * t * (c[5] - c[3]) + t * t * (c[7] - c[5]));
    return new double[] {x, y};
  }

  private static double[] second(double[] c, double t) {
    double s = 1 - t;
    double x = 6 * (s * (c[4] - 2 * c[2] + c[0]) + t * (c[6] - 2 * c[4] + c[2]));
    double y = 6 * (s * (c[5] - 2 * c[3] + c[1]) + t * (c[7] - 2 * c[5] + c[3]));
    return new double[] {x, y};
  }

  private static double sq(double v) {
    return v * v;
  }

  /** The closed polyline with indices taken mod n. */
  private static final class Ring {
    final double[] xy;
    final int n;

    Ring(double[] xy) {
      this.xy = xy;
      this.n = xy.length / 2;
    }

    double x(int i) {
      return xy[2 * Math.floorMod(i, n)];
    }

    double y(int i) {
      return xy[2 * Math.floorMod(i, n) + 1];
    }

    int farthestFrom(int p) {
      int far = p;
      double best = -1;
      for (int i = 0; i < n; i++) {
        double d = sq(x(i) - x(p)) + sq(y(i) - y(p));
        if (d > best) {
          best = d;
          far = i;
        }
      }
      return far;
    }

    double[] chordParameters(int a, int b) {
      double[] u = new double[b - a + 1];
      for (int i = a + 1; i <= b; i++) {
        u[i - a] = u[i - a - 1] + Math.hypot(x(i) - x(i - 1), y(i) - y(i - 1));
      }
      double total = u[b - a];
      for (int i = 1; i <= b - a; i++) {
        u[i] = total == 0 ? (double) i / (b - a) : u[i] / total;
      }
      return u;
    }

    /** Unit tangent leaving point a along the chain a..b. */
    double[] forward(int a, int b) {
      return unit(x(a + Math.min(TANGENT_SPAN, b - a)) - x(a), y(a + Math.min(TANGENT_SPAN, b - a)) - y(a));
    }

    /** Unit tangent arriving at point b along the chain a..b, pointing back into the chain. */
    double[] backward(int a, int b) {
      return unit(x(b - Math.min(TANGENT_SPAN, b - a)) - x(b), y(b - Math.min(TANGENT_SPAN, b - a)) - y(b));
    }

    /** Unit tangent through point p: forward along the ring, or pointing back. */
    double[] center(int p, boolean forwards) {
      // On a tiny ring a wide span would wrap past the point and reverse the tangent.
      int k = Math.max(1, Math.min(TANGENT_SPAN, (n - 1) / 2));
      double dx = x(p + k) - x(p - k);
      double dy = y(p + k) - y(p - k);
      return forwards ? unit(dx, dy) : unit(-dx, -dy);
    }

    private static double[] unit(double dx, double dy) {
      double len = Math.hypot(dx, dy);
      return len == 0 ? new double[] {0, 0} : new double[] {dx / len, dy / len};
    }
  }
}
