// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import loupe.psd.ColorMode;
import loupe.psd.Knot;
import loupe.psd.LayerMask;
import loupe.psd.PathData;
import loupe.psd.PsdCompositor;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.Subpath;
import loupe.psd.TaggedBlock;
import loupe.psd.VectorMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loupe protects a vector-masked layer by the engine's rasterisation of its path, and psd-io
 * composites it by the rendering Photoshop stored beside the path; {@link StoredMaskCheck} sets
 * aside a rendering the path contradicts. Photoshop's own renderings, on every corpus file that
 * has them (15 layers), are kept: wherever Loupe's masks are fully on, Photoshop's are too.
 */
class StoredMaskCheckTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"oovpsd__masks-vector-masks.psd", "psdtools__layer-mask-data.psd",
      "psdtools__fill-and-adjustment-layers.psd", "psdtools__empty-layer.psd", "psdrb__vector-path.psd",
      "psdtools__hidden-layer.psb", "agpsd-tests__vector-layer.psd", "psdtools__vector-masks-10.psd"})
  void photoshop_renderings_agree_with_their_paths(String file) throws Exception {
    PsdDocument doc = PsdReader.read(Path.of(System.getProperty("loupe.shared"), "psd-corpus", file));
    List<PsdLayer> rendered = doc.layers().stream()
        .filter(l -> l.vectorMaskRendering() != null && !l.vectorMaskRendering().disabled()).toList();

    StoredMaskCheck.setAsideStale(doc);

    assertThat(rendered).as("layers with a stored rendering").isNotEmpty()
        .allSatisfy(l -> assertThat(l.vectorMaskRendering()).as("'%s' kept", l.name()).isNotNull());
  }

  /** A group has no bounds of its own: its masks act on everything inside it, so they are checked over the canvas. */
  @Test
  void a_group_whose_rendering_covers_more_than_its_path_is_set_aside() {
    PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 40, 20);
    PsdLayer piece = piece(doc);
    PsdLayer group = doc.insertGroup(1, "Piece", List.of(piece));
    doc.removeLayer(piece);
    masked(group, 40, 20);
    assertThat(group.vectorMaskRendering()).isNotNull();

    StoredMaskCheck.setAsideStale(doc);

    assertThat(group.vectorMaskRendering()).isNull();
    assertThat(PsdCompositor.cannotRender(doc)).contains("without a usable stored rendering");
  }

  /** At 0 % density a vector mask hides nothing and its rendering never shows: it is not judged. */
  @Test
  void a_vector_mask_at_zero_density_is_left_alone() {
    PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 40, 20);
    PsdLayer layer = piece(doc);
    masked(layer, 40, 20);
    // The rendering of the path as Photoshop would store it: the right half. Judged with the mask
    // taken as off (at 0 % it hides nothing), it would look stale.
    layer.setUserMask(new LayerMask(0, 20, 20, 40, 0, LayerMask.FROM_RENDERING | LayerMask.HAS_PARAMETERS, null, null, 0,
        null, null), wholeRendering(20, 20), 8);

    StoredMaskCheck.setAsideStale(doc);

    assertThat(layer.vectorMaskRendering()).isNotNull();
  }

  /** A grey layer over the whole 40 × 20 canvas, added at the bottom. */
  private static PsdLayer piece(PsdDocument doc) {
    byte[] grey = new byte[40 * 20];
    Arrays.fill(grey, (byte) 100);
    PsdLayer piece = PsdLayer.newPixelLayer("piece", 0, 0, 40, 20, 8, new byte[][] {grey}, null);
    doc.addLayer(0, piece);
    return piece;
  }

  /** A vector mask over the right half of a 40 × 20 canvas, with a stale rendering over all of it. */
  private static void masked(PsdLayer layer, int width, int height) {
    PathData half = PathData.of(List.of(Subpath.of(true, List.of(Knot.corner(0, 0.5), Knot.corner(0, 1),
        Knot.corner(1, 1), Knot.corner(1, 0.5)))));
    layer.setBlock(TaggedBlock.of("vmsk", new VectorMask(3, 0, half).toBlockData()));
    layer.setUserMask(new LayerMask(0, 0, height, width, 0, LayerMask.FROM_RENDERING, null, null, null, null, null),
        wholeRendering(width, height), 8);
  }

  private static byte[] wholeRendering(int width, int height) {
    byte[] all = new byte[width * height];
    Arrays.fill(all, (byte) 255);
    return all;
  }
}
