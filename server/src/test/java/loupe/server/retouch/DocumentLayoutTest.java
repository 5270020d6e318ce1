// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import loupe.engine.Progress;
import loupe.psd.LayerNode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.UserError;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a retouch puts its layers in documents as retouchers hand them over, and which documents it
 * refuses rather than guess: the work must show in the written file, and the jewelry as seen must
 * stay as shot.
 */
class DocumentLayoutTest {
  static final RetouchRequest PRO = RetouchRequest.of("pro", null, null, null, null, null, null, null);
  static final RetouchRequest QUICK = RetouchRequest.of("quick", null, null, null, null, null, null, null);

  @TempDir
  Path dir;

  @Test
  void a_photograph_on_its_background_layer_gets_its_work_on_top_where_it_shows() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    doc.removeLayer(layer(doc, "Jewelry"));
    Path psd = write(doc);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), QUICK, Progress.NONE);
    PsdDocument out = PsdReader.read(outcome.output());

    List<String> bottomUp = out.layers().stream().filter(ProtectedLayerRule::isPixelLayer).map(PsdLayer::name).toList();
    assertThat(bottomUp.get(0)).isEqualTo("Background");
    assertThat(bottomUp.get(1)).isEqualTo("Original");
    assertThat(bottomUp.subList(2, bottomUp.size())).allMatch(n -> n.startsWith("Loupe"));
    // The dust Quick removed is gone from the picture the file shows.
    assertThat(out.composite().get(0).decoded()).isNotEqualTo(PsdReader.read(psd).composite().get(0).decoded());
    assertThat(outcome.result().notes()).anyMatch(n -> n.contains("the picture became the locked layer 'Original'"));
  }

  /**
   * The application that saved a photograph drew its composite; where it rounded a blend a level
   * away from psd-io's rendering, the 'Original' is that composite, as the retoucher saw it. A stale
   * composite (more than a level off) is not the picture: psd-io's rendering is.
   */
  @Test
  void a_photographs_original_is_its_own_composite_unless_that_is_stale() throws Exception {
    for (int offset : new int[] {1, 9}) {
      PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
      doc.removeLayer(layer(doc, "Jewelry"));
      byte[][] warm = new byte[3][doc.width() * doc.height()];
      for (int c = 0; c < 3; c++) {
        Arrays.fill(warm[c], (byte) (230 - 30 * c));
      }
      PsdLayer tint = PsdLayer.newPixelLayer("Warm", 0, 0, doc.width(), doc.height(), 8, warm, null);
      tint.setOpacity(77);
      doc.addLayer(doc.layers().size(), tint);
      Path rendered = dir.resolve("rendered.psd");
      PsdWriter.write(doc, rendered);
      // Re-saved with a composite drawn with other rounding: the red of every tenth pixel is off by `offset`.
      PsdDocument saved = PsdReader.read(rendered);
      List<PsdChannel> drawn = new java.util.ArrayList<>(saved.composite());
      byte[] red = drawn.get(0).decoded().clone();
      for (int i = 0; i < red.length; i += 10) {
        red[i] = (byte) ((red[i] & 0xFF) + ((red[i] & 0xFF) < 128 ? offset : -offset));
      }
      drawn.set(0, PsdChannel.of(0, saved.width(), saved.height(), 8, red));
      saved.setComposite(drawn);
      saved.keepComposite();
      Path psd = write(saved);

      FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out" + offset), QUICK, Progress.NONE);
      PsdLayer original = layer(PsdReader.read(outcome.output()), "Original");
      byte[] expected = offset == 1 ? red : PsdReader.read(rendered).composite().get(0).decoded();
      assertThat(original.channel(0).decoded()).as("offset %d", offset).isEqualTo(expected);
      assertThat(outcome.result().fidelity().changedPixels()).isZero();
    }
  }

  @Test
  void several_layers_that_could_be_the_jewelry_are_refused_not_guessed() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    layer(doc, "Jewelry").setName("Layer 1");
    PsdLayer logo = PsdLayer.newPixelLayer("Layer 2", 0, 0, 20, 10, 8,
        new byte[][] {new byte[200], new byte[200], new byte[200]}, filled(200, 255));
    doc.addLayer(doc.layers().size(), logo);
    Path psd = write(doc);

    assertThatThrownBy(() -> new RetouchService().retouchFile(psd, dir.resolve("out"), PRO, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("several layers could hold the jewelry ([Layer 2, Layer 1])");

    doc.removeLayer(logo);
    FileOutcome outcome = new RetouchService().retouchFile(write(doc), dir.resolve("out"), PRO, Progress.NONE);
    assertThat(outcome.result().notes())
        .contains("protected layer: 'Layer 1' (locked; choose another with --protect NAME, HTTP: protectLayer)");
  }

  @Test
  void a_jewelry_layer_that_covers_no_pixel_fully_is_refused() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    PsdLayer jewelry = layer(doc, "Jewelry");
    byte[] alpha = jewelry.channel(PsdChannel.TRANSPARENCY).decoded();
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = (byte) Math.min(alpha[i] & 0xFF, 250);
    }
    jewelry.setChannel(PsdChannel.of(PsdChannel.TRANSPARENCY, jewelry.width(), jewelry.height(), 8, alpha));
    Path psd = write(doc);

    assertThatThrownBy(() -> new RetouchService().retouchFile(psd, dir.resolve("out"), PRO, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("the product mask (layer) marks no pixel as fully jewelry")
        .hasMessageContaining("the protected layer covers no pixel fully");
  }

  /**
   * Pillow's hopper file: its top layer, an opaque "Background copy", is the only candidate, and it
   * covers the whole frame. Nothing could be retouched; the job said ✓ and wrote the input again, with
   * the layer's own mask or an automatic one.
   * An automatic mask that finds no background (a piece filling a clipping-path test file) likewise.
   */
  @Test
  void a_protection_of_the_whole_frame_is_refused_not_reported_done() {
    RetouchRequest auto = RetouchRequest.of("quick", null, null, null, null, null, null, "auto");
    refused("pillow__hopper-layers.psd", QUICK).hasMessageContaining("the protected layer 'Background copy' is opaque "
        + "over the whole frame, so nothing Loupe puts beneath it could show");
    // An automatic mask does not help: the new background would still lie beneath the opaque layer (review).
    refused("pillow__hopper-layers.psd", auto).hasMessageContaining("is opaque over the whole frame")
        .hasMessageContaining("retouch a flattened copy");
    refused("imagemagick__clipping-path-2-subpaths-zip.psd", auto)
        .hasMessageContaining("the product mask (auto) marks every pixel as fully jewelry")
        .hasMessageContaining("the automatic mask found no background");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String corpusFile, RetouchRequest request) {
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus", corpusFile);
    return assertThatThrownBy(() -> new RetouchService().retouchFile(file, dir.resolve("out"), request, Progress.NONE))
        .isInstanceOf(UserError.class);
  }

  @Test
  void layers_clipped_to_the_jewelry_stay_clipped_to_it() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    PsdLayer tone = PsdLayer.newPixelLayer("Tone", 100, 100, 20, 10, 8,
        new byte[][] {new byte[200], new byte[200], new byte[200]}, filled(200, 255));
    tone.setClipping(true);
    doc.addLayerAbove(layer(doc, "Jewelry"), tone);
    Path psd = write(doc);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), PRO, Progress.NONE);
    PsdDocument out = PsdReader.read(outcome.output());

    // Between the jewelry and "Tone" lies Loupe's group (frequency separation): clipped, so that the
    // stack keeps the jewelry as its base.
    List<PsdLayer> layers = out.layers();
    int jewelry = layers.indexOf(layer(out, "Jewelry"));
    int clipped = layers.indexOf(layer(out, "Tone"));
    List<PsdLayer> between = layers.subList(jewelry + 1, clipped);
    PsdLayer group = between.stream().filter(PsdLayer::isGroupStart).findFirst().orElseThrow();
    assertThat(group.name()).startsWith("Loupe frequency separation");
    assertThat(group.clipping()).isTrue();
    assertThat(layer(out, "Tone").clipping()).isTrue();
  }

  @Test
  void a_group_clipped_to_the_jewelry_stays_clipped_to_it() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    PsdLayer tone = PsdLayer.newPixelLayer("Tone", 100, 100, 20, 10, 8,
        new byte[][] {new byte[200], new byte[200], new byte[200]}, filled(200, 255));
    PsdLayer fix = doc.insertGroup(doc.indexOf(layer(doc, "Jewelry")) + 1, "Colour fix", List.of(tone));
    fix.setClipping(true);
    Path psd = write(doc);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), PRO, Progress.NONE);
    PsdDocument out = PsdReader.read(outcome.output());

    List<LayerNode> top = out.layerTree();
    int jewelry = top.indexOf(top.stream().filter(n -> n.layer().name().equals("Jewelry")).findFirst().orElseThrow());
    PsdLayer between = top.get(jewelry - 1).layer(); // the tree runs top to bottom
    assertThat(between.name()).startsWith("Loupe frequency separation");
    assertThat(between.clipping()).isTrue();
  }

  @Test
  void a_file_whose_layers_carry_no_ids_is_retouched_and_verified() throws Exception {
    // Written by ag-psd: no 'lyid' blocks, so the written file's check must find the jewelry by position.
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus/agpsd__jewelry-rgb8-zip.psd");
    assertThat(PsdReader.read(file).layers()).allMatch(l -> l.layerId() == -1);

    FileOutcome outcome = new RetouchService().retouchFile(file, dir.resolve("out"), QUICK, Progress.NONE);

    assertThat(outcome.result().fidelity().protectedPixels()).isPositive();
    assertThat(outcome.result().fidelity().changedPixels()).isZero();
  }

  @Test
  void a_picture_with_transparency_is_refused() throws Exception {
    BufferedImage cutout = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
    cutout.setRGB(5, 5, 0xFF806040);
    Path png = dir.resolve("cutout.png");
    ImageIO.write(cutout, "png", png.toFile());

    assertThatThrownBy(() -> new RetouchService().retouchFile(png, dir.resolve("out"), PRO, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("cutout.png: 1,199 pixels are transparent");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  private Path write(PsdDocument doc) throws Exception {
    Path psd = Files.createTempFile(dir, "in", ".psd");
    PsdWriter.write(doc, psd);
    return psd;
  }

  static PsdLayer layer(PsdDocument doc, String name) {
    return doc.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
