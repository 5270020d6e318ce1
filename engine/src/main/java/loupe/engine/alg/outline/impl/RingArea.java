// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline.impl;

import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;

/**
 * Signed areas by the shoelace formula, ½∮(x dy − y dx): positive for rings that run clockwise on
 * screen (y down).
 */
public final class RingArea {
  /** 3-point Gauss–Legendre nodes and weights on [0, 1]: exact for the degree-5 integrand of a cubic. */
  private static final double[] NODES = {0.5 - Math.sqrt(0.15), 0.5, 0.5 + Math.sqrt(0.15)};
  private static final double[] WEIGHTS = {5 / 18.0, 8 / 18.0, 5 / 18.0};

  private RingArea() {}

  /** Of a closed polygon given as packed x,y pairs. */
  public static double polygon(double[] xy) {
    int n = xy.length / 2;
    double sum = 0;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      sum += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
    }
    return sum / 2;
  }

  /** Of a closed chain of cubic Béziers, exactly. */
  public static double knots(List<Knot> knots) {
    int n = knots.size();
    double sum = 0;
    for (int s = 0; s < n; s++) {
      Knot a = knots.get(s);
      Knot b = knots.get((s + 1) % n);
      double[] c = {a.x(), a.y(), a.outX(), a.outY(), b.inX(), b.inY(), b.x(), b.y()};
      for (int q = 0; q < 3; q++) {
        double t = NODES[q];
        double u = 1 - t;
        double x = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
        double y = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
        double dx = 3 * (u * u * (c[2] - c[0]) + 2 * u * t * (c[4] - c[2]) + t * t * (c[6] - c[4]));
        double dy = 3 * (u * u * (c[3] - c[1]) + 2 * u * t * (c[5] - c[3]) + t * t * (c[7] - c[5]));
        sum += WEIGHTS[q] * (x * dy - y * dx);
      }
    }
    return sum / 2;
  }
}
