// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

import java.util.List;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Flattens layers onto an opaque base with 16-bit integer maths. Where a layer's coverage is 0 the
 * destination is kept exactly and where it is 65535 (normal mode) the source is copied exactly:
 * {@code (s·a + d·(65535−a) + 32767) / 65535} has both properties, which is what lets the fidelity
 * guard compare flattened results bit for bit.
 */
public final class Compositor {
  private Compositor() {}

  /**
   * Composites {@code layers} (bottom to top) over a copy of {@code base}.
   *
   * @param base document-size opaque image. Not modified.
   * @param layers layers in document space, bottom first; hidden layers are skipped. Not modified.
   * @return a new document-size image
   */
  public static Planar flatten(Planar base, List<CompositeLayer> layers) {
    Planar out = base.copy();
    Rect doc = Rect.ofSize(base.width, base.height);
    for (CompositeLayer layer : layers) {
      if (layer.visible()) {
        over(out, layer, doc);
      }
    }
    return out;
  }

  private static void over(Planar dst, CompositeLayer layer, Rect doc) {
    if (layer.pixels().numBands() != dst.numBands()) {
      throw new IllegalArgumentException("layer has " + layer.pixels().numBands() + " bands, document " + dst.numBands());
    }
    Rect area = layer.bounds().intersect(doc);
    for (int y = area.top(); y < area.bottom(); y++) {
      for (int x = area.left(); x < area.right(); x++) {
        int lx = x - layer.bounds().left();
        int ly = y - layer.bounds().top();
        long a = layer.coverage(lx, ly);
        if (a == 0) {
          continue;
        }
        for (int c = 0; c < dst.numBands(); c++) {
          int d = dst.bands[c].get(x, y);
          int s = layer.blend().blend(d, layer.pixels().bands[c].get(lx, ly));
          dst.bands[c].set(x, y, (int) ((s * a + d * (65535 - a) + 32767) / 65535));
        }
      }
    }
  }
}
