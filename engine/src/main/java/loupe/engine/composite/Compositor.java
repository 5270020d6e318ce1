// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

import java.util.List;
import java.util.stream.IntStream;
import loupe.engine.image.GrayU16;
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

  /** Rows are independent, so they run in parallel and the result does not depend on scheduling. */
  private static void over(Planar dst, CompositeLayer layer, Rect doc) {
    if (layer.pixels().numBands() != dst.numBands()) {
      throw new IllegalArgumentException("layer has " + layer.pixels().numBands() + " bands, document " + dst.numBands());
    }
    Rect area = layer.bounds().intersect(doc);
    if (area.isEmpty()) {
      return;
    }
    IntStream.range(area.top(), area.bottom()).parallel().forEach(y -> overRow(dst, layer, area, y));
  }

  private static void overRow(Planar dst, CompositeLayer layer, Rect area, int y) {
    int n = area.width();
    int lx = area.left() - layer.bounds().left();
    int ly = y - layer.bounds().top();
    int[] coverage = new int[n];
    layer.coverageRow(lx, ly, n, coverage);
    BlendMode blend = layer.blend();
    for (int c = 0; c < dst.numBands(); c++) {
      GrayU16 d = dst.bands[c];
      GrayU16 s = layer.pixels().bands[c];
      int di = d.index(area.left(), y);
      int si = s.index(lx, ly);
      for (int i = 0; i < n; i++) {
        long a = coverage[i];
        if (a == 0) {
          continue;
        }
        int dv = d.data[di + i] & 0xFFFF;
        int sv = blend.blend(dv, s.data[si + i] & 0xFFFF);
        // Full coverage gives the blended source exactly; skip the division there.
        d.data[di + i] = (short) (a == 65535 ? sv : (sv * a + dv * (65535 - a) + 32767) / 65535);
      }
    }
  }
}
