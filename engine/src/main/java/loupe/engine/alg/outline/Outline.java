// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.mask.PathFillMode;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathOperation;

/**
 * The traced boundary of a mask: outer rings and hole rings of a {@code width × height} image. The
 * enclosed region is the even-odd fill of all rings (a hole ring lies inside its outer ring; an
 * island inside a hole has its own outer ring).
 */
public record Outline(List<OutlineRing> rings, int width, int height) {
  public Outline {
    rings = List.copyOf(rings);
  }

  /** Enclosed area: outer rings minus holes, in square pixels. */
  public double area() {
    double sum = 0;
    for (OutlineRing r : rings) {
      sum += r.hole() ? -r.area() : r.area();
    }
    return sum;
  }

  public int knotCount() {
    return rings.stream().mapToInt(r -> r.knots().size()).sum();
  }

  public long holeCount() {
    return rings.stream().filter(OutlineRing::hole).count();
  }

  /**
   * The rings as closed subpaths filled even-odd; each subpath also carries the exclude (XOR)
   * operation, which composes nested rings the same way under Photoshop's CS6+ semantics.
   */
  public PathGeometry toPath() {
    List<PathGeometry.Subpath> subpaths = new ArrayList<>(rings.size());
    for (OutlineRing r : rings) {
      subpaths.add(new PathGeometry.Subpath(true, PathOperation.EXCLUDE, r.knots()));
    }
    return new PathGeometry(subpaths, PathFillMode.EVEN_ODD);
  }
}
