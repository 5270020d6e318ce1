// SPDX-License-Identifier: Apache-2.0
package loupe.server;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import loupe.engine.image.Rect;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;

/**
 * Layered documents as a retoucher prepares them, built from a scene of ../shared/benchmark/dev:
 * "Background" (the photograph as shot: prop, dust, hair, noise) and "Jewelry" (the same pixels
 * with the ground-truth mask as transparency, cropped to the piece), 8-bit RGB.
 */
public final class ExampleDocuments {
  /** The crop of dev01 that examples/solitaire.psd shows. */
  static final Rect SOLITAIRE_CROP = new Rect(320, 80, 1360, 1160);

  private ExampleDocuments() {}

  /** The bundled example examples/solitaire.psd: dev01 cropped around the ring and halved (2×2 box average) to keep the file small. */
  public static PsdDocument solitaire(Path shared) throws IOException {
    return layered(shared.resolve("benchmark/dev/dev01_solitaire_yellowgold"), SOLITAIRE_CROP, 2);
  }

  /** The whole scene at full resolution. */
  public static PsdDocument layered(Path scene) throws IOException {
    Raster photo = ImageIO.read(scene.resolve("input.png").toFile()).getRaster();
    return layered(scene, new Rect(0, 0, photo.getWidth(), photo.getHeight()), 1);
  }

  /**
   * @param crop the part of the scene shown
   * @param factor reduction: each document pixel is the rounded mean of a factor × factor block
   */
  public static PsdDocument layered(Path scene, Rect crop, int factor) throws IOException {
    Raster photo = ImageIO.read(scene.resolve("input.png").toFile()).getRaster();
    Raster mask = ImageIO.read(scene.resolve("truth_mask.png").toFile()).getRaster();
    int w = crop.width() / factor;
    int h = crop.height() / factor;
    byte[][] rgb = new byte[3][w * h];
    byte[] alpha = new byte[w * h];
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[c][y * w + x] = (byte) block(photo, c, crop, factor, x, y);
        }
        int a = block(mask, 0, crop, factor, x, y);
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
    List<PsdChannel> composite = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      composite.add(PsdChannel.of(c, w, h, 8, rgb[c]));
    }
    doc.setComposite(composite);
    return doc;
  }

  /** Rounded mean of the factor × factor block of the crop that maps to (x, y). */
  private static int block(Raster r, int band, Rect crop, int factor, int x, int y) {
    int sum = 0;
    for (int dy = 0; dy < factor; dy++) {
      for (int dx = 0; dx < factor; dx++) {
        sum += r.getSample(crop.left() + factor * x + dx, crop.top() + factor * y + dy, band);
      }
    }
    int n = factor * factor;
    return (sum + n / 2) / n;
  }
}
