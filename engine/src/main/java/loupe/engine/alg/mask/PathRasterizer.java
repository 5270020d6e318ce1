// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.alg.mask.impl.ImplPathFill;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Rect;

/**
 * A path (clipping path, saved path or vector mask) to an anti-aliased mask: 65535 inside, the
 * exact covered area fraction on edge pixels, 0 outside. Curves are flattened to within 0.001 px;
 * each subpath's coverage is computed exactly by signed-area accumulation, and subpaths are
 * composed by their Photoshop operation (see {@link PathFillMode}, {@link PathOperation}).
 */
public final class PathRasterizer {
  private PathRasterizer() {}

  /**
   * Coverage of the document pixels in {@code area}: output pixel (i, j) is document pixel
   * (area.left + i, area.top + j). The path may extend beyond the area.
   *
   * @param output Modified: area-sized, or null to allocate
   */
  public static GrayU16 rasterize(PathGeometry path, Rect area, GrayU16 output) {
    output = ImageChecks.reshape(output, area.width(), area.height());
    if (!area.isEmpty()) {
      ImplPathFill.fill(path, area, output);
    }
    return output;
  }

  /**
   * Coverage over a {@code width × height} document.
   *
   * @param output Modified: document-sized, or null to allocate
   */
  public static GrayU16 rasterize(PathGeometry path, int width, int height, GrayU16 output) {
    return rasterize(path, Rect.ofSize(width, height), output);
  }
}
