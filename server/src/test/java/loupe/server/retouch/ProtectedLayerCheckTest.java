// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.psd.Knot;
import loupe.psd.LayerMask;
import loupe.psd.LayerNode;
import loupe.psd.PathData;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.psd.Subpath;
import loupe.psd.TaggedBlock;
import loupe.psd.VectorMask;
import loupe.server.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A protected layer that lets what lies beneath show through would change the jewelry as seen once
 * Loupe adds its layers beneath it; such documents are refused before any work, naming the setting.
 */
class ProtectedLayerCheckTest {
  static final Path EXAMPLE = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
  static final RetouchRequest PRO = RetouchRequest.of("pro", null, null, null, null, null, null, null);

  @TempDir
  Path dir;

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("hidden", (Consumer<PsdDocument>) d -> jewelry(d).setVisible(false), "is hidden"),
        Arguments.of("multiply", (Consumer<PsdDocument>) d -> jewelry(d).setBlendMode("mul "),
            "is in blend mode Multiply"),
        Arguments.of("opacity 60 %", (Consumer<PsdDocument>) d -> jewelry(d).setOpacity(153), "is at 60 % opacity"),
        Arguments.of("opacity 254", (Consumer<PsdDocument>) d -> jewelry(d).setOpacity(254), "is at 99.6 % opacity"),
        Arguments.of("clipped", (Consumer<PsdDocument>) d -> jewelry(d).setClipping(true), "is clipped"),
        Arguments.of("knockout",
            (Consumer<PsdDocument>) d -> jewelry(d).setBlock(TaggedBlock.of("knko", new byte[] {1, 0, 0, 0})),
            "uses knockout or channel restrictions in its Blending Options"),
        Arguments.of("under the background", (Consumer<PsdDocument>) d -> {
          PsdLayer jewelry = jewelry(d);
          d.removeLayer(jewelry);
          d.addLayer(0, jewelry);
        }, "is covered by the opaque layer 'Background' above it"),
        Arguments.of("feathered mask", (Consumer<PsdDocument>) d -> feathered(jewelry(d)), "has a feathered mask"),
        Arguments.of("inverted mask", (Consumer<PsdDocument>) d -> halfMasked(jewelry(d), LayerMask.INVERT),
            "has a layer mask flagged 'invert when blending'"),
        Arguments.of("hidden group", (Consumer<PsdDocument>) d -> grouped(d).setVisible(false),
            "lies in group 'Piece', which is hidden"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void a_jewelry_layer_that_lets_the_background_through_is_refused(String name, Consumer<PsdDocument> change,
      String problem) throws Exception {
    Path psd = write(change);
    Path out = dir.resolve("out");
    byte[] before = Files.readAllBytes(psd);

    assertThatThrownBy(() -> new RetouchService().retouchFile(psd, out, PRO, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("protected layer 'Jewelry' " + problem)
        .hasMessageContaining("--protect");
    assertThat(Files.exists(out) ? Files.list(out).toList() : List.of()).as("files written").isEmpty();
    assertThat(Files.readAllBytes(psd)).as("input unchanged").isEqualTo(before);
  }

  /**
   * A group's own opacity or blend mode mixes the group's content with what lies outside it; Loupe's
   * layers go inside the group, beneath the jewelry, so where the jewelry covers fully the group's
   * content is still the jewelry: accepted.
   */
  static Stream<Arguments> groups() {
    return Stream.of(
        Arguments.of("plain", (Consumer<PsdLayer>) g -> { }),
        Arguments.of("at 50 %", (Consumer<PsdLayer>) g -> g.setOpacity(128)),
        Arguments.of("multiply", (Consumer<PsdLayer>) g -> g.setBlendMode("mul ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void a_jewelry_layer_in_a_group_is_retouched_inside_it(String name, Consumer<PsdLayer> group) throws Exception {
    Path psd = write(d -> group.accept(grouped(d)));

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), PRO, Progress.NONE);

    assertThat(outcome.result().fidelity().changedPixels()).isZero();
    assertThat(outcome.result().fidelity().protectedPixels()).isPositive();
    PsdDocument out = PsdReader.read(outcome.output());
    List<LayerNode> path = LayerNode.pathTo(out.layerTree(), jewelry(out));
    assertThat(path.get(0).layer().name()).isEqualTo("Piece");
    assertThat(path.get(0).children()).anyMatch(n -> n.layer().name().equals("Loupe Pro"));
  }

  /**
   * A mask flagged "rendered from other data" on a layer with no vector mask is the mask: it hides the
   * left half, so only the right half is protected (the whole piece was, while the white sweep
   * replaced what the mask hides: 21,210 jewelry pixels turned white, reported unchanged).
   */
  @Test
  void a_mask_flagged_as_rendered_without_a_vector_mask_hides_what_it_hides() throws Exception {
    RetouchRequest white = RetouchRequest.of("quick", "white", null, null, null, null, null, null);
    long all = new RetouchService().retouchFile(write(d -> { }), dir.resolve("whole"), white, Progress.NONE).result()
        .fidelity().protectedPixels();
    Path half = write(d -> halfMasked(jewelry(d), LayerMask.FROM_RENDERING));
    FileOutcome masked = new RetouchService().retouchFile(half, dir.resolve("half"), white, Progress.NONE);
    assertThat(masked.result().fidelity().changedPixels()).isZero();
    assertThat(masked.result().fidelity().protectedPixels()).isPositive().isLessThan(all * 6 / 10);
  }

  /**
   * A mask below 100 % density lets the layer show partly where it hides it, over the new background:
   * the job runs (where the mask is fully on the jewelry is as shot) and its notes say why the
   * background looks veiled there.
   */
  @Test
  void a_mask_below_full_density_is_retouched_and_said() throws Exception {
    Path psd = write(d -> halfMasked(jewelry(d), LayerMask.HAS_PARAMETERS, 153));
    RetouchRequest white = RetouchRequest.of("quick", "white", null, null, null, null, null, null);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), white, Progress.NONE);

    assertThat(outcome.result().fidelity().changedPixels()).isZero();
    assertThat(outcome.result().fidelity().protectedPixels()).isPositive();
    assertThat(outcome.result().notes()).anyMatch(n -> n.contains("protected layer 'Jewelry' has its layer mask at "
        + "60 % density") && n.contains("set Density to 100 %"));
    Path full = write(d -> halfMasked(jewelry(d), 0));
    FileOutcome fullOutcome = new RetouchService().retouchFile(full, dir.resolve("full"), white, Progress.NONE);
    assertThat(fullOutcome.result().notes()).noneMatch(n -> n.contains("density"));

    // The written picture shows the layer as Photoshop does: at 40 % where its mask hides it, over the
    // same new white sweep (the Jewelry's opaque pixels there, where they differ from it by 8 levels or more).
    PsdLayer layer = jewelry(PsdReader.read(psd));
    GrayU16 alpha = PsdPixels.alpha(layer);
    GrayU16 red = PsdPixels.decode(layer.channel(0));
    GrayU16 veiled = PsdPixels.decode(PsdReader.read(outcome.output()).composite().get(0));
    GrayU16 clear = PsdPixels.decode(PsdReader.read(fullOutcome.output()).composite().get(0));
    int checked = 0;
    for (int y = 0; y < layer.height(); y++) {
      for (int x = 0; x < layer.width() / 2; x++) {
        int dx = x + layer.left();
        int dy = y + layer.top();
        if ((alpha == null || alpha.get(x, y) == 65535) && Math.abs(red.get(x, y) - clear.get(dx, dy)) >= 8 * 257) {
          double expected = 0.4 * red.get(x, y) + 0.6 * clear.get(dx, dy);
          assertThat((double) veiled.get(dx, dy)).as("red at %d,%d", dx, dy).isCloseTo(expected, within(257.0));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /**
   * A jewelry layer cut out with a vector mask, as a retoucher does with the Pen tool: Photoshop stores
   * its rendering beside it, so the file's flat composite is recomputed and the written picture
   * checked at every fully protected pixel (before, the composite stayed the picture as shot and
   * `--export` refused the file). The mask shows the layer's right half: the left half of the
   * piece gets the white sweep, the right half is the jewelry as shot.
   */
  @Test
  void a_jewelry_layer_with_a_vector_mask_is_composited_and_checked() throws Exception {
    Path psd = write(d -> vectorMasked(jewelry(d), d.width(), d.height(), 0, false));
    RetouchRequest white = RetouchRequest.of("quick", "white", null, null, null, null, null, null);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), white, Progress.NONE);

    assertThat(outcome.written().compositeRecomputed()).as(outcome.written().reason()).isTrue();
    assertThat(outcome.result().fidelity().changedPixels()).isZero();
    assertThat(outcome.result().notes()).noneMatch(n -> n.contains("not compared") || n.contains("picture as shot"));
    PsdLayer layer = jewelry(PsdReader.read(psd));
    GrayU16 alpha = PsdPixels.alpha(layer);
    GrayU16 red = PsdPixels.decode(layer.channel(0));
    GrayU16 out = PsdPixels.decode(PsdReader.read(outcome.output()).composite().get(0));
    int mid = layer.width() / 2;
    long shown = 0;
    long whitened = 0;
    for (int y = 0; y < layer.height(); y++) {
      for (int x = 0; x < layer.width(); x++) {
        if (x == mid - 1 || x == mid || (alpha != null && alpha.get(x, y) != 65535)) {
          continue;
        }
        int v = out.get(x + layer.left(), y + layer.top());
        if (x > mid) {
          assertThat(v).as("jewelry at %d,%d", x, y).isEqualTo(red.get(x, y));
          shown++;
        } else if (v > red.get(x, y) + 8 * 257) {
          whitened++;
        }
      }
    }
    assertThat(shown).isPositive();
    assertThat(whitened).as("hidden jewelry pixels lighter by the new sweep").isGreaterThan(1000);
  }

  /**
   * A stored rendering that no longer matches the path (another tool moved the path, or left the
   * rendering of an older one) is not trusted: the job runs, the file keeps its flat composite and
   * says so. Trusted, the whole-layer one let the flat composite show the jewelry the path hides
   * (20,626 px, unnoticed), and the shifted one failed the job's written-file check.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("staleRenderings")
  void a_stored_rendering_that_does_not_match_its_path_is_not_trusted(String name, int shift, boolean whole)
      throws Exception {
    Path psd = write(d -> vectorMasked(jewelry(d), d.width(), d.height(), shift, whole));
    RetouchRequest white = RetouchRequest.of("quick", "white", null, null, null, null, null, null);

    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), white, Progress.NONE);

    assertThat(outcome.written().compositeRecomputed()).isFalse();
    assertThat(outcome.written().reason()).contains("vector mask without a usable stored rendering");
    assertThat(outcome.result().fidelity().changedPixels()).isZero();
    assertThat(outcome.result().notes()).anyMatch(n -> n.contains("picture as shot"));
  }

  static Stream<Arguments> staleRenderings() {
    return Stream.of(Arguments.of("shifted 3 px", 3, false), Arguments.of("covering the whole layer", 0, true));
  }

  /**
   * Gives the Jewelry layer a vector mask, a rectangle over its right half, and the rendering of it that
   * Photoshop stores beside it (channel −2 flagged as rendered from the vector mask): moved right by
   * {@code shift} px, or over the whole layer when {@code whole}, to make it stale.
   */
  private static void vectorMasked(PsdLayer jewelry, int width, int height, int shift, boolean whole) {
    int mid = jewelry.left() + jewelry.width() / 2;
    double top = jewelry.top() / (double) height;
    double bottom = jewelry.bottom() / (double) height;
    double left = mid / (double) width;
    double right = jewelry.right() / (double) width;
    PathData path = PathData.of(List.of(Subpath.of(true, List.of(Knot.corner(top, left), Knot.corner(top, right),
        Knot.corner(bottom, right), Knot.corner(bottom, left)))));
    jewelry.setBlock(TaggedBlock.of("vmsk", new VectorMask(3, 0, path).toBlockData()));
    int from = whole ? jewelry.left() : mid + shift;
    byte[] rendering = new byte[(jewelry.right() - from) * jewelry.height()];
    Arrays.fill(rendering, (byte) 255);
    jewelry.setUserMask(new LayerMask(jewelry.top(), from, jewelry.bottom(), jewelry.right(), 0, LayerMask.FROM_RENDERING,
        null, null, null, null, null), rendering, 8);
  }

  /** Gives the Jewelry layer a user mask that shows its right half only, with these flags. */
  private static void halfMasked(PsdLayer jewelry, int flags) {
    halfMasked(jewelry, flags, null);
  }

  /** ... and this density (0..255; null: none stored, 100 %). */
  private static void halfMasked(PsdLayer jewelry, int flags, Integer density) {
    int w = jewelry.width();
    byte[] right = new byte[w * jewelry.height()];
    for (int i = 0; i < right.length; i++) {
      right[i] = (byte) (i % w >= w / 2 ? 255 : 0);
    }
    jewelry.setUserMask(new LayerMask(jewelry.top(), jewelry.left(), jewelry.bottom(), jewelry.right(), 0, flags,
        density, null, null, null, null), right, 8);
  }

  private Path write(Consumer<PsdDocument> change) throws Exception {
    PsdDocument doc = PsdReader.read(EXAMPLE);
    change.accept(doc);
    Path psd = dir.resolve("in.psd");
    PsdWriter.write(doc, psd);
    return psd;
  }

  private static PsdLayer jewelry(PsdDocument doc) {
    return doc.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
  }

  /** Gives the Jewelry layer a user mask (all on) feathered by 12 px. */
  private static void feathered(PsdLayer jewelry) {
    byte[] on = new byte[jewelry.width() * jewelry.height()];
    Arrays.fill(on, (byte) 255);
    LayerMask mask = new LayerMask(jewelry.top(), jewelry.left(), jewelry.bottom(), jewelry.right(), 0,
        LayerMask.HAS_PARAMETERS, null, 12.0, null, null, null);
    jewelry.setUserMask(mask, on, 8);
  }

  /** Moves the Jewelry layer into a new pass-through group "Piece" and returns the group. */
  private static PsdLayer grouped(PsdDocument doc) {
    PsdLayer jewelry = jewelry(doc);
    // Grouped first, then removed from its old place, so the group's records get fresh layer ids.
    PsdLayer group = doc.insertGroup(doc.indexOf(jewelry) + 1, "Piece", List.of(jewelry));
    doc.removeLayer(jewelry);
    return group;
  }
}
