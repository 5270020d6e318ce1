// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.server.masks.MaskInput;
import loupe.server.retouch.ProductMasks;
import loupe.server.retouch.ProtectedLayerRule;
import loupe.server.retouch.PsdPixels;

/** Test files and independent readings of what `loupe mask` writes. */
final class MaskFiles {
  static final Path EXAMPLE = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
  static final Path CORPUS = Path.of(System.getProperty("loupe.shared"), "psd-corpus");

  private MaskFiles() {}

  /** A PNG read by ImageIO, which must be 16-bit single-band gray, as a mask. */
  static GrayU16 readPng16(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    Raster r = image.getRaster();
    assertThat(r.getNumBands()).as("%s bands", file).isEqualTo(1);
    assertThat(r.getSampleModel().getSampleSize(0)).as("%s bits", file).isEqualTo(16);
    GrayU16 out = new GrayU16(r.getWidth(), r.getHeight());
    int[] row = new int[r.getWidth()];
    for (int y = 0; y < r.getHeight(); y++) {
      r.getSamples(0, y, r.getWidth(), 1, 0, row);
      for (int x = 0; x < row.length; x++) {
        out.set(x, y, row[x]);
      }
    }
    return out;
  }

  /** The protected layer's mask of a document, built directly through ProductMasks (the engine's layer source). */
  static GrayU16 layerMask(Path psd) throws IOException {
    PsdDocument doc = PsdReader.read(psd);
    MaskInput in = MaskInput.read(psd);
    PsdLayer jewelry = ProtectedLayerRule.find(doc, null, psd.toString());
    return new ProductMasks().productMask("layer", "layer", in.image(),
        PsdPixels.shape(jewelry, doc.width(), doc.height()), jewelry.opacity(), doc, psd.toString(), Progress.NONE).mask();
  }
}
