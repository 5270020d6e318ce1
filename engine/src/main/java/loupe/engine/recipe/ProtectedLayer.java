// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.composite.BlendMode;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The jewelry layer as shot: colour bands, transparency and user mask (null = opaque / none) at
 * {@code bounds} in document space, and its opacity. Loupe never writes it.
 */
public record ProtectedLayer(Planar pixels, GrayU16 alpha, GrayU16 mask, Rect bounds, int opacity) {
  public CompositeLayer asComposite() {
    return new CompositeLayer(pixels, alpha, mask, bounds, BlendMode.NORMAL, opacity, true);
  }

  /**
   * Where the layer shows, at {@code bounds}: transparency × user mask × opacity, 65535 = fully.
   * What a mask hides is not jewelry, so nothing built from the layer may use it.
   */
  public GrayU16 coverage() {
    CompositeLayer layer = asComposite();
    GrayU16 out = new GrayU16(bounds.width(), bounds.height());
    for (int y = 0; y < out.height; y++) {
      for (int x = 0; x < out.width; x++) {
        out.set(x, y, layer.coverage(x, y));
      }
    }
    return out;
  }

  /** {@link #coverage()} placed on a {@code width} × {@code height} document (0 where the layer is not). */
  public GrayU16 documentCoverage(int width, int height) {
    GrayU16 out = new GrayU16(width, height);
    Rect on = bounds.intersect(Rect.ofSize(width, height));
    if (!on.isEmpty()) {
      out.subimage(on.left(), on.top(), on.right(), on.bottom()).setTo(coverage()
          .subimage(on.left() - bounds.left(), on.top() - bounds.top(), on.right() - bounds.left(), on.bottom() - bounds.top()));
    }
    return out;
  }
}
