// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.Progress;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * {@link MaskOps#refineEdges} over a large mask, tile by tile, in parallel: each tile is filtered
 * with a margin of 4 radii (beyond the guided filter's 2-radius reach), and only its own pixels are
 * kept. A tile whose margin-padded area is uniformly 0 or uniformly 65535 is copied, because the
 * filter leaves such an area unchanged (0 stays 0; the fully selected core is never lowered). On a
 * shot of a few jewels on a sweep most tiles are skipped.
 */
final class TiledEdgeRefine {
  private TiledEdgeRefine() {}

  /**
   * @param mask Not modified
   * @param guide Not modified: gray rendering of the shot, same size
   * @return a new refined mask
   */
  static GrayU16 refine(GrayU16 mask, GrayU16 guide, int radius, double epsilon, int tile, Progress progress) {
    GrayU16 out = mask.copy();
    if (radius < 1) {
      return out;
    }
    int margin = 4 * radius;
    Rect frame = Rect.ofSize(mask.width, mask.height);
    List<Rect> tiles = new ArrayList<>();
    for (int y = 0; y < mask.height; y += tile) {
      for (int x = 0; x < mask.width; x += tile) {
        Rect t = new Rect(x, y, Math.min(x + tile, mask.width), Math.min(y + tile, mask.height));
        if (!uniform(mask, t.grow(margin, frame))) {
          tiles.add(t);
        }
      }
    }
    tiles.parallelStream().forEach(t -> {
      progress.checkCancelled();
      Rect padded = t.grow(margin, frame);
      GrayU16 m = mask.subimage(padded.left(), padded.top(), padded.right(), padded.bottom());
      GrayU16 g = guide.subimage(padded.left(), padded.top(), padded.right(), padded.bottom());
      GrayU16 r = MaskOps.refineEdges(m, g, radius, epsilon, null);
      int dx = t.left() - padded.left();
      int dy = t.top() - padded.top();
      for (int y = 0; y < t.height(); y++) {
        System.arraycopy(r.data, r.index(dx, dy + y), out.data, out.index(t.left(), t.top() + y), t.width());
      }
    });
    return out;
  }

  /** True if every sample in {@code area} is 0, or every one is 65535. */
  static boolean uniform(GrayU16 mask, Rect area) {
    short first = mask.data[mask.index(area.left(), area.top())];
    if (first != 0 && first != (short) 65535) {
      return false;
    }
    for (int y = area.top(); y < area.bottom(); y++) {
      int i = mask.index(area.left(), y);
      for (int x = 0; x < area.width(); x++) {
        if (mask.data[i + x] != first) {
          return false;
        }
      }
    }
    return true;
  }
}
