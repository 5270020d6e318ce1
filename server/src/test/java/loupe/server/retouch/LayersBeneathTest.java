// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import loupe.engine.Progress;
import loupe.engine.composite.BlendMode;
import loupe.engine.composite.CompositeLayer;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.psd.TaggedBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background Loupe rebuilds from the layers beneath the jewelry: what the engine can render is
 * rendered as Photoshop does, and what it cannot is named in the job's notes, never silently dropped.
 */
class LayersBeneathTest {
  @TempDir
  Path dir;

  @Test
  void blend_modes_and_fill_are_rendered_and_the_rest_is_named() throws Exception {
    PsdDocument doc = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    PsdLayer jewelry = DocumentLayoutTest.layer(doc, "Jewelry");
    PsdLayer shade = small("Shade");
    shade.setBlendMode("mul ");
    shade.setOpacity(200);
    shade.setBlock(TaggedBlock.of("iOpa", new byte[] {(byte) 102, 0, 0, 0}));
    PsdLayer glow = small("Glow");
    glow.setBlendMode("scrn");
    PsdLayer curves = small("Curves 1");
    curves.setBlock(TaggedBlock.of("curv", new byte[4]));
    doc.addLayerBelow(jewelry, shade);
    doc.addLayerBelow(jewelry, glow);
    doc.addLayerBelow(jewelry, curves);

    LayersBeneath beneath = LayersBeneath.of(doc, jewelry, 3);

    List<CompositeLayer> layers = beneath.layers();
    assertThat(layers).hasSize(2); // Background, then Shade
    assertThat(layers.get(1).blend()).isEqualTo(BlendMode.MULTIPLY);
    assertThat(layers.get(1).opacity()).isEqualTo(200 * 102 / 255);
    assertThat(beneath.unrendered()).containsExactly("'Glow' (blend mode Screen)",
        "'Curves 1' (adjustment or fill layer)");

    Path psd = dir.resolve("in.psd");
    PsdWriter.write(doc, psd);
    RetouchRequest pro = RetouchRequest.of("pro", null, null, null, null, null, null, null);
    FileOutcome outcome = new RetouchService().retouchFile(psd, dir.resolve("out"), pro, Progress.NONE);
    assertThat(outcome.result().notes()).anyMatch(n -> n.startsWith("not rendered into the new background")
        && n.contains("'Glow' (blend mode Screen), 'Curves 1' (adjustment or fill layer)"));
    // psd-io cannot composite the adjustment layer either, so the written file's check says what it did not compare.
    assertThat(outcome.result().notes()).contains("written file re-read: the protected layer is byte for byte as in "
        + "the input; the picture it shows was not compared (layer 'Curves 1' has a Curves adjustment ('curv'), which the "
        + "compositor does not render)");
  }

  private static PsdLayer small(String name) {
    return PsdLayer.newPixelLayer(name, 10, 10, 20, 10, 8,
        new byte[][] {new byte[200], new byte[200], new byte[200]}, DocumentLayoutTest.filled(200, 255));
  }
}
