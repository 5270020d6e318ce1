// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.ColorMode;
import loupe.psd.LayerMask;
import loupe.psd.LayerNode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.masks.MaskInput;
import loupe.server.masks.PsdMaskCopy;
import loupe.server.retouch.PsdPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `loupe mask --as layer-masks`: the masks as layer masks of empty groups in a group "Loupe masks"
 * on top of a copy, read back by Loupe's reader and by ag-psd; the document's own layers and
 * composite as read.
 */
class MaskLayerMasksTest {
  @TempDir
  Path tmp;

  @Test
  void layered_copy_gets_a_group_of_masked_groups_on_top() throws Exception {
    byte[] before = Files.readAllBytes(EXAMPLE);
    Path out = tmp.resolve("solitaire.groups.psd");
    CliRun run = CliRun.of("mask", EXAMPLE.toString(), "--luminosity", "lights3,metal-shadows", "--as", "layer-masks",
        "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("layer masks").contains("'Product mask', 'lights3', 'metal-shadows'");

    PsdDocument input = PsdReader.read(EXAMPLE);
    PsdDocument written = PsdReader.read(out);
    // The input's records come first (file order is bottom-up), unchanged; then the new group.
    for (int i = 0; i < input.layers().size(); i++) {
      PsdLayer a = input.layers().get(i);
      PsdLayer b = written.layers().get(i);
      assertThat(b.name()).isEqualTo(a.name());
      for (PsdChannel c : a.channels()) {
        assertThat(b.channel(c.id()).decoded()).as("%s channel %d", a.name(), c.id()).isEqualTo(c.decoded());
      }
    }
    assertThat(written.channelCount()).isEqualTo(input.channelCount());
    for (int c = 0; c < input.channelCount(); c++) {
      assertThat(written.composite().get(c).decoded()).isEqualTo(input.composite().get(c).decoded());
    }
    GrayU16 product = MaskFiles.layerMask(EXAMPLE);
    MaskInput in = MaskInput.read(EXAMPLE);
    LayerNode group = topGroup(written);
    assertThat(group.children()).extracting(n -> n.layer().name())
        .containsExactlyInAnyOrder("Product mask", "lights3", "metal-shadows");
    assertGroupMask(written, "Product mask", product);
    assertGroupMask(written, "lights3", LuminosityMasks.compute(in.image(), product, MaskSpec.parse("lights3"),
        LumaMaskConfig.DEFAULT, null));
    assertGroupMask(written, "metal-shadows", LuminosityMasks.compute(in.image(), product,
        MaskSpec.parse("metal-shadows"), LumaMaskConfig.DEFAULT, null));
    assertThat(Files.readAllBytes(EXAMPLE)).as("input untouched").isEqualTo(before);

    JsonNode seen = AgPsd.read(out);
    JsonNode top = seen.get("layers").get(0);
    assertThat(top.get("name").asText()).isEqualTo(PsdMaskCopy.GROUP_NAME);
    assertThat(top.get("group").asBoolean()).isTrue();
    List<String> names = new ArrayList<>();
    for (JsonNode child : top.get("children")) {
      names.add(child.get("name").asText());
      assertThat(child.get("group").asBoolean()).isTrue();
      JsonNode mask = child.get("mask");
      assertThat(mask.get("right").asInt()).isEqualTo(written.width());
      assertThat(mask.get("bottom").asInt()).isEqualTo(written.height());
    }
    assertThat(names).containsExactly("Product mask", "lights3", "metal-shadows");
    assertThat(seen.get("layers").size()).isEqualTo(AgPsd.read(EXAMPLE).get("layers").size() + 1);
  }

  @Test
  void photoshops_composite_is_kept_byte_for_byte() throws Exception {
    // A recompute of this file rounds within one level of Photoshop's composite (CompositorTest);
    // masked empty groups do not change the rendering, so the copy keeps Photoshop's picture exactly.
    Path file = MaskFiles.CORPUS.resolve("twelvemonkeys__layer-groups-rgb8.psd");
    Path out = tmp.resolve("groups.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "auto", "--as", "layer-masks", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument input = PsdReader.read(file);
    PsdDocument written = PsdReader.read(out);
    for (int c = 0; c < input.composite().size(); c++) {
      assertThat(written.composite().get(c).decoded()).as("composite %d", c).isEqualTo(input.composite().get(c).decoded());
    }
    assertThat(topGroup(written).children()).as("product mask and protection").hasSize(2);
  }

  @Test
  void document_without_layers_keeps_its_picture_as_the_bottom_layer() throws Exception {
    Path flat = tmp.resolve("flat.psd");
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, 16, 40, 30);
    List<PsdChannel> planes = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      byte[] plane = new byte[40 * 30 * 2];
      for (int i = 0; i < 40 * 30; i++) {
        int v = (i * 97 + c * 5000) & 0xFFFF;
        plane[2 * i] = (byte) (v >>> 8);
        plane[2 * i + 1] = (byte) v;
      }
      planes.add(PsdChannel.of(c, 40, 30, 16, plane));
    }
    doc.setComposite(planes);
    PsdWriter.write(doc, flat);
    Path out = tmp.resolve("flat.masks.psd");
    CliRun run = CliRun.of("mask", flat.toString(), "--source", "auto", "--luminosity", "darks2", "--as",
        "layer-masks", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument input = PsdReader.read(flat);
    assertThat(input.layers()).isEmpty();
    assertThat(input.composite().get(1).decoded()).isEqualTo(planes.get(1).decoded());
    PsdDocument written = PsdReader.read(out);
    PsdLayer bottom = written.layers().get(0);
    assertThat(bottom.name()).isEqualTo("Original");
    for (int c = 0; c < 3; c++) {
      assertThat(bottom.channel(c).decoded()).isEqualTo(input.composite().get(c).decoded());
      assertThat(written.composite().get(c).decoded()).isEqualTo(input.composite().get(c).decoded());
    }
    MaskInput in = MaskInput.read(flat);
    assertGroupMask(written, "darks2", LuminosityMasks.compute(in.image(), null, MaskSpec.parse("darks2"),
        LumaMaskConfig.DEFAULT, null));
    assertThat(topGroup(written).children()).as("product mask, protection, darks2").hasSize(3);
  }

  @Test
  void layer_masks_need_a_psd_copy_and_a_known_form() throws Exception {
    CliRun folder = CliRun.of("mask", EXAMPLE.toString(), "--as", "layer-masks", "--out", tmp.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("--as layer-masks needs a .psd/.psb --out").doesNotContain("Exception");
    CliRun bogus = CliRun.of("mask", EXAMPLE.toString(), "--as", "curves", "--out", tmp.resolve("x.psd").toString());
    assertThat(bogus.exit()).isEqualTo(2);
    assertThat(bogus.err()).contains("'curves' is not channels or layer-masks");
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).as("nothing written").isEmpty();
    }
  }

  private static LayerNode topGroup(PsdDocument doc) {
    List<LayerNode> tree = doc.layerTree();
    LayerNode top = tree.stream().filter(n -> n.layer().name().equals(PsdMaskCopy.GROUP_NAME)).findFirst().orElseThrow();
    assertThat(top.layer().isGroupStart()).isTrue();
    return top;
  }

  private static void assertGroupMask(PsdDocument doc, String name, GrayU16 expected) {
    PsdLayer group = topGroup(doc).children().stream().map(LayerNode::layer).filter(l -> l.name().equals(name))
        .findFirst().orElseThrow();
    assertThat(group.isGroupStart()).isTrue();
    LayerMask m = group.userMask();
    assertThat(new int[] {m.top(), m.left(), m.bottom(), m.right(), m.defaultColor()})
        .containsExactly(0, 0, doc.height(), doc.width(), 0);
    assertThat(group.channel(PsdChannel.USER_MASK).decoded()).as(name)
        .isEqualTo(PsdPixels.encode(expected, doc.depth()));
  }
}
