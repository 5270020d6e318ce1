// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;

/**
 * One closed boundary of a traced mask, in pixel coordinates of the traced image (x right, y down,
 * (0,0) the top-left corner of the top-left pixel). Between knots i and i+1 the boundary is the
 * cubic anchor_i, out_i, in_{i+1}, anchor_{i+1}; corner knots make straight edges. Outer
 * boundaries run clockwise on screen, holes anticlockwise, so even-odd and non-zero filling agree.
 *
 * @param knots at least two knots (two curved segments can close a ring)
 * @param hole true if the ring bounds a hole (background enclosed by the product)
 * @param area the area the ring encloses, in square pixels (positive for holes too)
 */
public record OutlineRing(List<Knot> knots, boolean hole, double area) {
  public OutlineRing {
    knots = List.copyOf(knots);
    if (knots.size() < 2) {
      throw new IllegalArgumentException("a ring needs at least 2 knots, got " + knots.size());
    }
  }
}
