// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.psd.AlphaChannels;
import loupe.psd.ColorMode;
import loupe.psd.ImageResource;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PSD saved with "Maximize Compatibility" off stores a white composite and says so (resource
 * 1057). With a layer psd-io cannot render (Screen), that white was taken as the picture: a
 * photograph became a white 'Original' reported "0 changed", and a flat export came out white.
 */
class PlaceholderCompositeTest {
  private static final int W = 64;
  private static final int H = 48;

  @TempDir
  Path tmp;

  /** Which layers the test file holds under its white composite. */
  enum Layers { NONE, SCREEN_OVER_BACKGROUND, SCREEN_OVER_JEWELRY }

  /** Without a jewelry layer the picture comes from the layers; with none, or one psd-io cannot render, there is none. */
  @ParameterizedTest
  @CsvSource({
      "SCREEN_OVER_BACKGROUND, layer 'Brighten' is in blend mode Screen, true",
      "NONE, the file has no layers, false"})
  void a_photograph_whose_composite_is_a_placeholder_is_refused_not_made_white(Layers layers, String why,
      boolean canProtectALayer)
      throws Exception {
    Path file = build(layers);
    CliRun run = CliRun.of("retouch", file.toString(), "--recipe", "quick", "--mask", "channel:Jewelry selection",
        "--out", tmp.resolve("out").toString());
    assertThat(run.exit()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).contains(file + ": saved with Maximize Compatibility off, so it holds no flat picture, and "
        + "Loupe cannot make one from its layers (" + why + ")");
    assertThat(run.err().contains("name the jewelry layer (--protect NAME")).as("advice it can follow")
        .isEqualTo(canProtectALayer);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void with_a_jewelry_layer_the_psd_is_written_and_says_so_but_no_white_flat_copy_is_exported() throws Exception {
    Path file = build(Layers.SCREEN_OVER_JEWELRY);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("retouch", file.toString(), "--recipe", "quick", "--background", "white", "--out",
        out.toString(), "--export", "tiff");
    assertThat(run.exit()).as(run.out()).isEqualTo(2);
    assertThat(run.out()).contains("0 changed — bit-exact")
        .contains("the file's flat composite is Photoshop's white placeholder, as in the input")
        .doesNotContain("the file's flat composite is the picture as shot");
    assertThat(run.err()).contains(out.resolve("placeholder.loupe.tif") + ": its flat composite is Photoshop's white "
        + "placeholder");
    assertThat(PsdReader.read(out.resolve("placeholder.loupe.psd")).compositeIsReal()).isFalse();
    assertThat(out.resolve("placeholder.loupe.tif")).doesNotExist();
  }

  /** A grey ramp as 'Background', a 'Jewelry' square, an opaque Screen layer on top (as asked), a white composite. */
  private Path build(Layers layers) throws Exception {
    byte[][] ramp = new byte[3][W * H];
    byte[][] jewel = new byte[3][W * H];
    byte[] square = new byte[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = y * W + x;
        for (int c = 0; c < 3; c++) {
          ramp[c][i] = (byte) (100 + x + c * 10);
          jewel[c][i] = (byte) (200 - 40 * c);
        }
        square[i] = (byte) (x >= 24 && x < 40 && y >= 16 && y < 32 ? 255 : 0);
      }
    }
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, 8, W, H);
    if (layers != Layers.NONE) {
      doc.addLayer(0, PsdLayer.newPixelLayer("Background", 0, 0, W, H, 8, ramp, null));
      if (layers == Layers.SCREEN_OVER_JEWELRY) {
        doc.addLayer(1, PsdLayer.newPixelLayer("Jewelry", 0, 0, W, H, 8, jewel, square));
      }
      byte[][] grey = new byte[3][W * H];
      for (byte[] g : grey) {
        Arrays.fill(g, (byte) 60);
      }
      PsdLayer screen = PsdLayer.newPixelLayer("Brighten", 0, 0, W, H, 8, grey, null);
      screen.setBlendMode("scrn");
      doc.addLayer(doc.layers().size(), screen);
    }
    List<PsdChannel> white = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      byte[] plane = new byte[W * H];
      Arrays.fill(plane, (byte) 255);
      white.add(PsdChannel.of(c, W, H, 8, plane));
    }
    doc.setComposite(white);
    AlphaChannels.add(doc, "Jewelry selection", square);
    doc.setResource(new ImageResource(1057, "", versionInfo()));
    Path file = tmp.resolve("placeholder.psd");
    PsdWriter.write(doc, file);
    assertThat(PsdReader.read(file).compositeIsReal()).isFalse();
    return file;
  }

  /** Version info as Photoshop writes it with Maximize Compatibility off: hasRealMergedData 0. */
  private static byte[] versionInfo() throws Exception {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(new byte[] {0, 0, 0, 1, 0});
    for (String s : List.of("Adobe Photoshop", "Adobe Photoshop 2024")) {
      v.write(new byte[] {0, 0, 0, (byte) s.length()});
      v.write(s.getBytes(StandardCharsets.UTF_16BE));
    }
    v.write(new byte[] {0, 0, 0, 1});
    return v.toByteArray();
  }
}
