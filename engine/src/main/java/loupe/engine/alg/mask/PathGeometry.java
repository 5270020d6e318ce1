// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import java.util.List;

/**
 * A Photoshop path in document pixel coordinates (x right, y down; (0,0) is the top-left corner of
 * the top-left pixel). Each subpath is a chain of cubic Béziers: between knots i and i+1 the
 * control points are anchor_i, out_i, in_{i+1}, anchor_{i+1}; a closed subpath also joins its
 * last knot to its first. Filling closes an open subpath with a straight line.
 */
public record PathGeometry(List<Subpath> subpaths, PathFillMode fillMode) {
  public PathGeometry {
    subpaths = List.copyOf(subpaths);
    if (fillMode == null) {
      throw new IllegalArgumentException("path fill mode is null");
    }
  }

  /** One knot: the control point arriving at the anchor, the anchor, the control point leaving it. */
  public record Knot(double inX, double inY, double x, double y, double outX, double outY) {
    public Knot {
      if (!Double.isFinite(inX) || !Double.isFinite(inY) || !Double.isFinite(x) || !Double.isFinite(y)
          || !Double.isFinite(outX) || !Double.isFinite(outY)) {
        throw new IllegalArgumentException("path knot has a non-finite coordinate: " + this);
      }
    }

    /** A corner knot: both control points on the anchor, so the adjacent segments are straight. */
    public static Knot corner(double x, double y) {
      return new Knot(x, y, x, y, x, y);
    }
  }

  public record Subpath(boolean closed, PathOperation operation, List<Knot> knots) {
    public Subpath {
      knots = List.copyOf(knots);
      if (operation == null) {
        throw new IllegalArgumentException("subpath operation is null");
      }
    }
  }
}
