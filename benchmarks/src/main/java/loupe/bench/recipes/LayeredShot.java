// SPDX-License-Identifier: Apache-2.0
package loupe.bench.recipes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loupe.bench.data.LargeShot;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.retouch.PsdPixels;

/**
 * The document a retoucher hands Loupe: a 16-bit RGB PSD with the shot as "Background" and a
 * "Jewelry" layer on top (the shot again, with the truth mask as transparency), so the product
 * mask comes from the layer. Written once into the work folder and reused.
 */
final class LayeredShot {
  private LayeredShot() {}

  static Path file(Path workDir, LargeShot shot) throws IOException {
    Path file = workDir.resolve("layered-" + shot.image().width + "x" + shot.image().height + ".psd");
    if (Files.isRegularFile(file)) {
      return file;
    }
    int w = shot.image().width;
    int h = shot.image().height;
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, 16, w, h);
    doc.addLayer(0, PsdLayer.newPixelLayer("Background", 0, 0, w, h, 16, planes(shot.image()), null));
    doc.addLayer(1, PsdLayer.newPixelLayer("Jewelry", 0, 0, w, h, 16, planes(shot.image()),
        PsdPixels.encode(shot.mask(), 16)));
    PsdWriter.write(doc, file);
    return file;
  }

  /** The composite of a PSD file, decoded to 16-bit storage. */
  static Planar composite(Path file, int bands) throws IOException {
    List<PsdChannel> channels = PsdReader.read(file).composite();
    GrayU16[] out = new GrayU16[bands];
    for (int c = 0; c < bands; c++) {
      out[c] = PsdPixels.decode(channels.get(c));
    }
    return new Planar(out);
  }

  private static byte[][] planes(Planar image) {
    byte[][] p = new byte[image.numBands()][];
    for (int c = 0; c < p.length; c++) {
      p[c] = PsdPixels.encode(image.bands[c], 16);
    }
    return p;
  }
}
