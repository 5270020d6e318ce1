// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.image.GrayU16;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriteResult;
import loupe.psd.PsdWriter;
import loupe.server.ExampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The way `loupe retouch --export` uses the exporter: write the layered PSD, read it back, export. */
class WrittenDocumentExportTest {
  @TempDir
  Path dir;

  /** The "Jewelry" layer's transparency placed on the canvas, 8-bit ×257. */
  static GrayU16 jewelryMask(PsdDocument doc) {
    PsdLayer jewelry = doc.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
    byte[] alpha = jewelry.channel(PsdChannel.TRANSPARENCY).decoded();
    GrayU16 mask = new GrayU16(doc.width(), doc.height());
    for (int y = 0; y < jewelry.height(); y++) {
      for (int x = 0; x < jewelry.width(); x++) {
        mask.set(jewelry.left() + x, jewelry.top() + y, (alpha[y * jewelry.width() + x] & 0xFF) * 257);
      }
    }
    return mask;
  }

  @Test
  void the_read_back_composite_is_exported_exactly_with_the_product_path() throws Exception {
    Path psd = dir.resolve("solitaire.loupe.psd");
    PsdWriteResult written = PsdWriter.write(ExampleDocuments.solitaire(ExportScenes.SHARED), psd);
    PsdDocument doc = PsdReader.read(psd);
    GrayU16 mask = jewelryMask(doc);
    ExportOptions options = ExportOptions.DEFAULT.withCompositeRecomputed(written.compositeRecomputed());

    ExportResult png = FlatExporter.export(doc, mask, ExportFormat.PNG, dir.resolve("solitaire.png"), options);
    assertThat(png.notes().isEmpty()).isEqualTo(written.compositeRecomputed());
    Raster back = ImageIO.read(png.file().toFile()).getRaster();
    int w = doc.width();
    for (int c = 0; c < 3; c++) {
      int[] want = ExportScenes.samples(doc, c);
      for (int i = 0; i < want.length; i++) {
        if (back.getSample(i % w, i / w, c) != want[i]) {
          throw new AssertionError("PNG differs from the written composite at pixel " + i + " band " + c);
        }
      }
    }

    ExportResult tif = FlatExporter.export(doc, mask, ExportFormat.TIFF, dir.resolve("solitaire.tif"), options);
    GrayU16 raster = PathRasterizer.rasterize(
        ExportScenes.toGeometry(FlatExporterTest.readPath(tif.file()), w, doc.height()), w, doc.height(), null);
    assertThat(FlatExporterTest.iou(raster, mask)).isGreaterThanOrEqualTo(0.98);
  }
}
