// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import loupe.psd.ColorMode;
import loupe.psd.MaskPlane;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;

/**
 * psd-io composites a vector-masked layer by the rendering of its masks that Photoshop stores
 * beside the path ({@link PsdLayer#vectorMaskRendering}). A tool that changed the path without
 * rendering it again leaves one that no longer matches: trusted, the file's flat composite would show
 * the old cut-out, or a job would fail its written-file check. So each is compared with the engine's
 * rasterisation of the path (× the pixel mask) where the layer shows (a group's masks act on the
 * whole canvas): wherever that is fully on the rendering must be full, and wherever the rendering
 * shows anything the engine must cover something within a pixel. On the corpus's 15 layers with a
 * stored rendering both hold even without that pixel's slack ({@code StoredMaskCheckTest}
 * checks the corpus is kept). One that fails is set aside for this reading, and the file's
 * composite is then left as it is, with a note.
 */
public final class StoredMaskCheck {
  private StoredMaskCheck() {}

  /**
   * Sets aside every stored rendering that its path contradicts, of the layers psd-io could composite
   * (RGB or grayscale at 8 or 16 bit; a vector mask at 0 % density, whose rendering never shows, is
   * left alone).
   */
  public static PsdDocument setAsideStale(PsdDocument doc) {
    boolean composited = (doc.colorMode() == ColorMode.RGB || doc.colorMode() == ColorMode.GRAYSCALE)
        && (doc.depth() == 8 || doc.depth() == 16);
    if (!composited) {
      return doc;
    }
    Rect canvas = Rect.ofSize(doc.width(), doc.height());
    GrayU16 ours = null;
    for (PsdLayer l : doc.layers()) {
      MaskPlane stored = l.vectorMaskRendering();
      Integer density = l.userMask() == null ? null : l.userMask().vectorDensity();
      if (stored == null || stored.disabled() || (density != null && density == 0)) {
        continue;
      }
      Rect area = l.isGroupStart() ? canvas : PsdPixels.bounds(l).intersect(canvas);
      ours = LayerMaskSource.productMask(new LayerShape(area, null, PsdPixels.userMask(l),
          PsdPixels.vectorMask(l, doc.width(), doc.height())), doc.width(), doc.height(), ours);
      if (!matches(ours, stored, area)) {
        l.setAsideVectorMaskRendering();
      }
    }
    return doc;
  }

  private static boolean matches(GrayU16 ours, MaskPlane stored, Rect area) {
    GrayU16 rendering = PsdPixels.decode(stored.channel());
    for (int y = area.top(); y < area.bottom(); y++) {
      for (int x = area.left(); x < area.right(); x++) {
        int mx = x - stored.left();
        int my = y - stored.top();
        boolean inside = mx >= 0 && my >= 0 && mx < stored.width() && my < stored.height();
        int value = inside ? rendering.get(mx, my) : stored.defaultColor() * 257;
        if ((ours.get(x, y) == 65535 && value != 65535) || (value != 0 && clearAround(ours, x, y))) {
          return false;
        }
      }
    }
    return true;
  }

  /** No coverage at the pixel or its 8 neighbours. */
  private static boolean clearAround(GrayU16 mask, int x, int y) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < mask.width && ny < mask.height && mask.get(nx, ny) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
