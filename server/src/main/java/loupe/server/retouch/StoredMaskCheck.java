// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.psd.MaskPlane;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;

/**
 * psd-io composites a vector-masked layer by the rendering of its masks that Photoshop stores
 * beside the path ({@link PsdLayer#vectorMaskRendering}). A tool that changed the path without
 * rendering it again leaves one that no longer matches: trusted, the file's flat composite would show
 * the old cut-out, or a job would fail its written-file check. So each is compared with the engine's
 * rasterisation of the path (× the pixel mask): wherever that is fully on the rendering must be 255,
 * and wherever it is off, more than a pixel from any coverage, 0 (on every corpus layer with a stored
 * rendering both hold without the pixel's slack: {@code StoredMaskRenderingTest}). One that does not
 * is set aside for this reading, and the composite is then left as the file has it, with a note.
 */
public final class StoredMaskCheck {
  private StoredMaskCheck() {}

  /** Sets aside every stored rendering of a visible layer's vector mask that its path contradicts. */
  public static PsdDocument setAsideStale(PsdDocument doc) {
    for (PsdLayer l : doc.layers()) {
      MaskPlane stored = l.vectorMaskRendering();
      if (stored != null && !stored.disabled() && !matches(l, stored, doc.width(), doc.height())) {
        l.setAsideVectorMaskRendering();
      }
    }
    return doc;
  }

  private static boolean matches(PsdLayer l, MaskPlane stored, int width, int height) {
    LayerShape shape = PsdPixels.shape(l, width, height);
    GrayU16 ours = LayerMaskSource.productMask(new LayerShape(shape.bounds(), null, shape.userMask(), shape.vectorMask()),
        width, height, null);
    GrayU16 rendering = PsdPixels.decode(stored.channel());
    for (int y = Math.max(0, l.top()); y < Math.min(height, l.bottom()); y++) {
      for (int x = Math.max(0, l.left()); x < Math.min(width, l.right()); x++) {
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
