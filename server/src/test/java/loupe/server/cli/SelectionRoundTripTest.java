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
 * saves the automatic selection and its protection as channels of a PSD of the shot; a retouch of
 * that PSD then protects a channel exactly — {@code Loupe protection} as an automatic job would,
 * margin included, or {@code Product mask}, which is meant to be checked and refined first.
 */
class SelectionRoundTripTest {
  static final Path SCENE = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");

  @TempDir
  Path tmp;

  @Test
  void a_flat_shots_saved_channels_are_what_a_retouch_then_protects() throws Exception {
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
    GrayU16 truth = TestImages.readGray(SCENE.resolve("truth_mask.png"));
    GrayU16 selection = channel(doc, "Product mask");
    assertThat(QualityMetrics.iou(selection, 32768, truth, 32768)).as("the saved selection against the truth")
        .isGreaterThan(0.95);

    // The protection: what an automatic job keeps, so no truth-jewelry pixel changes.
    Retouched kept = retouch(psd, "channel:Loupe protection", "kept");
    assertThat(kept.protectedPixels()).isEqualTo(fullySelected(channel(doc, "Loupe protection")));
    assertThat(changed(input, kept.output(), channel(doc, "Loupe protection"))).isZero();
    assertThat(changed(input, kept.output(), truth)).as("truth-jewelry pixels changed").isZero();
    assertThat(kept.notes()).contains("Loupe's saved protection with its safety margin");

    // By its number, the protection is named as such too.
    assertThat(retouch(psd, "channel:2", "by-number").notes())
        .contains("Loupe's saved protection with its safety margin");

    // The selection itself: protected exactly, and the job says it has no margin.
    Retouched exact = retouch(psd, "channel:Product mask", "exact");
    assertThat(exact.protectedPixels()).isEqualTo(fullySelected(selection));
    assertThat(changed(input, exact.output(), selection)).isZero();
    assertThat(exact.notes()).contains("no safety margin").contains("unless refined");
    System.out.printf("unrefined 'Product mask' as the product mask: %d truth-jewelry pixels changed%n",
        changed(input, exact.output(), truth));
  }

  private record Retouched(long protectedPixels, Planar output, String notes) {}

  private Retouched retouch(Path psd, String mask, String dir) throws Exception {
    Path report = tmp.resolve(dir + ".json");
    CliRun run = CliRun.of("retouch", psd.toString(), "--recipe", "quick", "--background", "clean", "--mask", mask,
        "--out", tmp.resolve(dir).toString(), "--report", report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("protected by the " + mask + " mask").contains("0 changed");
    JsonNode fidelity = new ObjectMapper().readTree(report.toFile()).path("files").path(0).path("fidelity");
    assertThat(fidelity.path("changedPixels").asLong(-1)).isZero();
    PsdDocument written = PsdReader.read(tmp.resolve(dir).resolve("shot.loupe.psd"));
    GrayU16[] bands = new GrayU16[3];
    for (int c = 0; c < 3; c++) {
      bands[c] = PsdPixels.decode(written.composite().get(c));
    }
    return new Retouched(fidelity.path("protectedPixels").asLong(), new Planar(bands), run.out());
  }

  private static GrayU16 channel(PsdDocument doc, String name) {
    return PsdPixels.decode(AlphaChannels.find(doc, name).channel());
  }

  private static long fullySelected(GrayU16 mask) {
    long n = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        n += mask.get(x, y) == 65535 ? 1 : 0;
      }
    }
    return n;
  }

  /** Pixels fully selected in {@code where} whose colour differs between the two pictures. */
  private static long changed(Planar a, Planar b, GrayU16 where) {
    long n = 0;
    for (int y = 0; y < where.height; y++) {
      for (int x = 0; x < where.width; x++) {
        if (where.get(x, y) == 65535) {
          boolean same = true;
          for (int c = 0; c < a.numBands(); c++) {
            same &= a.bands[c].get(x, y) == b.bands[c].get(x, y);
          }
          n += same ? 0 : 1;
        }
      }
    }
    return n;
  }
}
