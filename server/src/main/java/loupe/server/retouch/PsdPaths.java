// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.mask.PathFillMode;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathOperation;
import loupe.psd.Knot;
import loupe.psd.PathData;
import loupe.psd.PsdDocument;
import loupe.psd.SavedPath;
import loupe.psd.Subpath;
import loupe.server.UserError;

/** PSD path records (fractions of the canvas, y before x) → engine path geometry in pixels. */
public final class PsdPaths {
  private PsdPaths() {}

  /**
   * The saved path named {@code name}, or, for a null or empty name, the clipping path (resource
   * 2999).
   *
   * @throws UserError naming the saved paths the document has instead (or that it has none)
   */
  public static SavedPath saved(PsdDocument doc, String name) {
    List<SavedPath> paths = doc.paths();
    boolean clipping = name == null || name.isEmpty();
    SavedPath chosen = clipping ? doc.clippingPath()
        : paths.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    if (chosen != null) {
      return chosen;
    }
    String names = String.join(", ", paths.stream().map(p -> "'" + p.name() + "'").toList());
    throw new UserError(paths.isEmpty() ? "the document has no saved paths"
        : clipping ? "the document has no clipping path; name one of its saved paths with path:NAME (" + names + ")"
        : "no saved path named '" + name + "' (saved: " + names + ")");
  }

  public static PathGeometry toGeometry(PathData path, int width, int height) {
    List<PathGeometry.Subpath> subpaths = new ArrayList<>();
    boolean anyOperation = false;
    for (Subpath s : path.subpaths()) {
      List<PathGeometry.Knot> knots = new ArrayList<>();
      for (Knot k : s.knots()) {
        knots.add(new PathGeometry.Knot(k.inX() * width, k.inY() * height, k.anchorX() * width, k.anchorY() * height,
            k.outX() * width, k.outY() * height));
      }
      PathOperation op = operation(s);
      anyOperation |= op != null;
      subpaths.add(new PathGeometry.Subpath(s.closed(), op == null ? PathOperation.EXCLUDE : op, knots));
    }
    // Paths written before Photoshop CS6 carry no operations: they fill even-odd across subpaths.
    return new PathGeometry(subpaths, anyOperation ? PathFillMode.OPERATIONS : PathFillMode.EVEN_ODD);
  }

  private static PathOperation operation(Subpath s) {
    return switch (s.operation()) {
      case EXCLUDE -> PathOperation.EXCLUDE;
      case COMBINE -> PathOperation.COMBINE;
      case SUBTRACT -> PathOperation.SUBTRACT;
      case INTERSECT -> PathOperation.INTERSECT;
      case UNKNOWN -> null;
    };
  }
}
