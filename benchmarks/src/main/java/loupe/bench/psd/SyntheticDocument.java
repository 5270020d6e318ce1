// SPDX-License-Identifier: Apache-2.0
package loupe.bench.psd;

import java.util.Random;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;

/**
 * The layered document of the PSD workloads: RGB, four full-size layers with transparency,
 * photo-like planes (smooth gradients with mild noise on every 8th column, so RLE finds short
 * runs as in real images). Fixed seed.
 */
public final class SyntheticDocument {
  public static final int LAYERS = 4;

  private SyntheticDocument() {}

  public static PsdDocument generate(int w, int h, int depth) {
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, depth, w, h);
    Random r = new Random(42);
    for (int l = 0; l < LAYERS; l++) {
      byte[][] colour = new byte[3][];
      for (int c = 0; c < 3; c++) {
        colour[c] = plane(w, h, depth, r, l * 3 + c, false);
      }
      doc.addLayer(l, PsdLayer.newPixelLayer("layer " + l, 0, 0, w, h, depth, colour, plane(w, h, depth, r, l, true)));
    }
    return doc;
  }

  /** Bytes of every decoded layer channel plus the colour composite. */
  public static long decodedBytes(PsdDocument doc) {
    long n = 0;
    for (PsdLayer l : doc.layers()) {
      for (PsdChannel c : l.channels()) {
        n += c.decodedSize();
      }
    }
    return n + (long) doc.colorMode().colorChannels() * doc.width() * doc.height() * doc.depth() / 8;
  }

  private static byte[] plane(int w, int h, int depth, Random r, int seed, boolean alpha) {
    int bytes = depth / 8;
    byte[] p = new byte[w * h * bytes];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = alpha ? (x < w / 2 ? 65535 : (y * 65535 / h))
            : ((x * 40_000 / w + y * 20_000 / h + seed * 3000) & 0xFFFF);
        if (!alpha && (x & 7) == 0) {
          v = (v + r.nextInt(512)) & 0xFFFF;
        }
        int i = (y * w + x) * bytes;
        p[i] = (byte) (v >>> 8);
        if (bytes == 2) {
          p[i + 1] = (byte) v;
        }
      }
    }
    return p;
  }
}
