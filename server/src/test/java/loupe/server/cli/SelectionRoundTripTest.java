// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.server.retouch.PsdPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip a retoucher makes with a flat shot: {@code loupe mask shot.png --out shot.psd}
 * saves the automatic mask as a selection in a PSD of the shot; in Photoshop it is checked and
 * refined; {@code loupe retouch shot.psd --mask "channel:Product mask"} then protects exactly that
 * selection.
 */
class SelectionRoundTripTest {
  static final Path SCENE = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");

  @TempDir
  Path tmp;

  @Test
  void a_flat_shots_automatic_mask_saved_as_a_channel_is_what_a_retouch_then_protects() throws Exception {
    Path png = Files.copy(SCENE.resolve("input.png"), tmp.resolve("shot.png"));
    byte[] shot = Files.readAllBytes(png);
    Path psd = tmp.resolve("shot.psd");
    CliRun mask = CliRun.of("mask", png.toString(), "--source", "auto:classical", "--out", psd.toString());
    assertThat(mask.exit()).as(mask.err()).isZero();
    assertThat(mask.out()).contains("alpha channels 'Product mask', 'Loupe protection'");
    assertThat(Files.readAllBytes(png)).as("input untouched").isEqualTo(shot);

    PsdDocument doc = PsdReader.read(psd);
    Planar input = TestImages.readRgb(png);
    assertThat(doc.layers()).as("a layer-less document, as a retouch job reads the PNG").isEmpty();
    assertThat(doc.depth()).isEqualTo(8);
    for (int c = 0; c < 3; c++) {
      assertThat(PsdPixels.decode(doc.composite().get(c)).sameSamples(input.bands[c])).as("channel %d", c).isTrue();
    }
    GrayU16 selection = PsdPixels.decode(AlphaChannels.find(doc, "Product mask").channel());
    GrayU16 truth = TestImages.readGray(SCENE.resolve("truth_mask.png"));
    assertThat(QualityMetrics.iou(selection, 32768, truth, 32768)).as("the saved selection against the truth")
        .isGreaterThan(0.95);

    Path report = tmp.resolve("report.json");
    CliRun retouch = CliRun.of("retouch", psd.toString(), "--recipe", "quick", "--background", "clean", "--mask",
        "channel:Product mask", "--out", tmp.resolve("out").toString(), "--report", report.toString());
    assertThat(retouch.exit()).as(retouch.err()).isZero();
    assertThat(retouch.out()).contains("protected by the channel:Product mask mask").contains("0 changed");
    JsonNode fidelity = new ObjectMapper().readTree(report.toFile()).path("files").path(0).path("fidelity");
    long selected = 0;
    for (int y = 0; y < selection.height; y++) {
      for (int x = 0; x < selection.width; x++) {
        selected += selection.get(x, y) == 65535 ? 1 : 0;
      }
    }
    assertThat(fidelity.path("protectedPixels").asLong()).as("protected: the channel's fully selected pixels")
        .isEqualTo(selected);
    assertThat(fidelity.path("changedPixels").asLong(-1)).isZero();
    PsdDocument written = PsdReader.read(tmp.resolve("out/shot.loupe.psd"));
    for (int c = 0; c < 3; c++) {
      GrayU16 out = PsdPixels.decode(written.composite().get(c));
      long differ = 0;
      for (int y = 0; y < selection.height; y++) {
        for (int x = 0; x < selection.width; x++) {
          differ += selection.get(x, y) == 65535 && out.get(x, y) != input.bands[c].get(x, y) ? 1 : 0;
        }
      }
      assertThat(differ).as("selected pixels changed in the written composite, channel %d", c).isZero();
    }
  }
}
