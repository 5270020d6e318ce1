// SPDX-License-Identifier: Apache-2.0
package loupe.server;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;

/**
 * Builds the bundled example examples/solitaire.psd from the dev01 scene of ../shared/benchmark:
 * a crop around the ring, halved (2×2 box average) to keep the file small, as two layers —
 * "Background" (the photograph as shot: prop, dust, hair, noise) and "Jewelry" (the same pixels
 * with the ground-truth mask as transparency, cropped to the piece).
 */
public final class ExampleDocuments {
  static final int X0 = 320;
  static final int Y0 = 80;
  static final int X1 = 1360;
  static final int Y1 = 1160;

  private ExampleDocuments() {}

  public static PsdDocument solitaire(Path shared) throws IOException {
    Path scene = shared.resolve("benchmark/dev/dev01_solitaire_yellowgold");
    Raster photo = ImageIO.read(scene.resolve("input.png").toFile()).getRaster();
    Raster mask = ImageIO.read(scene.resolve("truth_mask.png").toFile()).getRaster();
    int w = (X1 - X0) / 2;
    int h = (Y1 - Y0) / 2;
    byte[][] rgb = new byte[3][w * h];
    byte[] alpha = new byte[w * h];
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[c][y * w + x] = (byte) box(photo, c, x, y);
        }
        int a = box(mask, 0, x, y);
        alpha[y * w + x] = (byte) a;
        if (a > 0) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, 8, w, h);
    doc.addLayer(0, PsdLayer.newPixelLayer("Background", 0, 0, w, h, 8, rgb, null));
    int lw = maxX - minX + 1;
    int lh = maxY - minY + 1;
    byte[][] jewelRgb = new byte[3][lw * lh];
    byte[] jewelAlpha = new byte[lw * lh];
    for (int y = 0; y < lh; y++) {
      for (int c = 0; c < 3; c++) {
        System.arraycopy(rgb[c], (y + minY) * w + minX, jewelRgb[c], y * lw, lw);
      }
      System.arraycopy(alpha, (y + minY) * w + minX, jewelAlpha, y * lw, lw);
    }
    doc.addLayer(1, PsdLayer.newPixelLayer("Jewelry", minY, minX, lw, lh, 8, jewelRgb, jewelAlpha));
    java.util.List<PsdChannel> composite = new java.util.ArrayList<>();
    for (int c = 0; c < 3; c++) {
      composite.add(PsdChannel.of(c, w, h, 8, rgb[c]));
    }
    doc.setComposite(composite);
    return doc;
  }

  /** Rounded mean of the 2×2 block of the crop that maps to (x, y). */
  private static int box(Raster r, int band, int x, int y) {
    int sx = X0 + 2 * x;
    int sy = Y0 + 2 * y;
    int sum = r.getSample(sx, sy, band) + r.getSample(sx + 1, sy, band) + r.getSample(sx, sy + 1, band)
        + r.getSample(sx + 1, sy + 1, band);
    return (sum + 2) / 4;
  }

}
