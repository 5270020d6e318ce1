// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.psd.ColorMode;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.server.io.FileErrors;
import loupe.server.UserError;
import loupe.server.retouch.FlatImage;
import loupe.server.retouch.FlatImageReader;
import loupe.server.retouch.PsdPixels;
import loupe.server.retouch.RetouchService;
import loupe.server.retouch.StoredMaskCheck;

/**
 * A file to take masks from: the PSD/PSB document (of a PNG/TIFF/JPEG, the layer-less document a
 * retouch job makes of it, with its paths and clipping path) and the image the masks look at, at the
 * document's own depth — the composite of a PSD, the picture of a flat file.
 *
 * @param flat the picture of a flat file as read (null for a PSD/PSB), for a PSD copy of it
 * @param image Not modified by anyone holding it: gray (1 band) or RGB (3 bands), 16-bit storage
 */
public record MaskInput(Path file, PsdDocument document, FlatImage flat, Planar image, BitDepth depth) {

  /** Reads a PSD/PSB (by its signature) or a flat picture; only reads the file. */
  public static MaskInput read(Path file) throws IOException {
    FileErrors.requireFile(file);
    if (!isPsd(file)) {
      FlatImage flat = FlatImageReader.read(file, RetouchService.MAX_PIXELS);
      return new MaskInput(file, RetouchService.flatDocument(flat, file), flat, flat.color(), flat.depth());
    }
    PsdDocument doc = StoredMaskCheck.setAsideStale(PsdReader.read(file));
    int bands = doc.colorMode() == ColorMode.RGB ? 3 : doc.colorMode() == ColorMode.GRAYSCALE ? 1 : 0;
    if (bands == 0) {
      throw new UserError(file + ": unsupported colour mode " + doc.colorMode() + "; masks are made from RGB and Grayscale documents");
    }
    if (doc.depth() != 8 && doc.depth() != 16) {
      throw new UserError(file + ": " + doc.depth() + "-bit documents are not supported for masks (8 or 16 bit)");
    }
    if (doc.composite().size() < bands) {
      throw new UserError(file + ": the document has no composite image (save it with Maximize Compatibility)");
    }
    GrayU16[] planes = new GrayU16[bands];
    for (int c = 0; c < bands; c++) {
      planes[c] = PsdPixels.decode(doc.composite().get(c));
    }
    return new MaskInput(file, doc, null, new Planar(planes), BitDepth.of(doc.depth()));
  }

  public int width() {
    return image.width;
  }

  public int height() {
    return image.height;
  }

  private static boolean isPsd(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(4), new byte[] {'8', 'B', 'P', 'S'});
    }
  }
}
