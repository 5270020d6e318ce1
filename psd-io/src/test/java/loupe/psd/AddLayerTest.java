// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A new locked layer with a mask, inside a new group, survives write and read; everything else is untouched. */
class AddLayerTest {
    @TempDir
    Path tmp;

    static byte[] noise(Random r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i % 7 == 0 ? r.nextInt() : (i / 13) * 3);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"agpsd__jewelry-rgb8-rle.psd", "agpsd__jewelry-rgb8.psb", "imagemagick__layers-rgb16-zip.psd", "oovpsd__gray16-transparent.psd",
            "psdtools__16bit-5x5-layers.psd"})
    void new_locked_masked_layer_in_a_group_round_trips(String file) throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path(file));
        List<String> before = Structures.describe(doc);
        int depth = doc.depth();
        int colours = doc.colorMode().colorChannels();
        int w = Math.min(37, doc.width()), h = Math.min(23, doc.height());
        int bytes = w * h * depth / 8;
        Random r = new Random(7);
        byte[][] colour = new byte[colours][];
        for (int c = 0; c < colours; c++) colour[c] = noise(r, bytes);
        PsdLayer added = PsdLayer.newPixelLayer("Loupe – jewelry ✓", 1, 2, w, h, depth, colour, noise(r, bytes));
        int mw = Math.max(1, w - 5), mh = Math.max(1, h - 3);
        added.setUserMask(LayerMask.of(2, 3, 2 + mh, 3 + mw, 255), noise(r, mw * mh * depth / 8), depth);
        added.setOpacity(200);
        PsdLayer anchor = doc.layers().get(0);
        int maxId = doc.layers().stream().mapToInt(PsdLayer::layerId).max().orElse(0);
        PsdLayer group = doc.insertGroupAbove(anchor, "Loupe group", List.of(added));
        doc.lockLayer(added, PsdLayer.LOCK_POSITION | PsdLayer.LOCK_COMPOSITE);
        doc.lockLayer(group, PsdLayer.LOCK_ALL);

        Path out = tmp.resolve("added." + (doc.version() == 2 ? "psb" : "psd"));
        PsdWriteResult result = PsdWriter.write(doc, out);
        assertThat(result.reason()).isNotBlank();
        PsdDocument again = PsdReader.read(out, PsdReadOptions.DEFAULT.withDecodeEagerly(true));

        assertThat(again.layers()).hasSize(doc.layers().size());
        Structures.assertSame(withoutComposite(doc, result), withoutComposite(again, result));
        PsdLayer read = again.layers().get(2);
        assertThat(read.name()).isEqualTo("Loupe – jewelry ✓");
        assertThat(read.lockFlags()).isEqualTo(PsdLayer.LOCK_POSITION | PsdLayer.LOCK_COMPOSITE);
        assertThat(read.layerId()).isGreaterThan(maxId);
        assertThat(read.opacity()).isEqualTo(200);
        assertThat(read.userMask().defaultColor()).isEqualTo(255);
        assertThat(read.channel(PsdChannel.USER_MASK).decoded()).isEqualTo(added.channel(PsdChannel.USER_MASK).decoded());
        for (int c = -1; c < colours; c++) assertThat(read.channel(c).decoded()).isEqualTo(added.channel(c).decoded());
        assertThat(again.layers().get(1).isGroupEnd()).isTrue();
        PsdLayer groupRead = again.layers().get(3);
        assertThat(groupRead.isGroupStart()).isTrue();
        assertThat(groupRead.name()).isEqualTo("Loupe group");
        assertThat(groupRead.lockFlags()).isEqualTo(PsdLayer.LOCK_ALL);
        assertThat(again.layerTree().stream().anyMatch(n -> n.layer().name().equals("Loupe group") && n.children().size() == 1
                && n.children().get(0).layer().name().equals("Loupe – jewelry ✓"))).isTrue();

        // Every original record is unchanged, in order, around the four new ones.
        List<String> after = Structures.describe(again);
        List<String> originalLayers = before.subList(before.size() - doc.layers().size() + 3, before.size());
        List<String> keptLayers = new java.util.ArrayList<>(after.subList(after.size() - again.layers().size(), after.size()));
        keptLayers.subList(1, 4).clear();
        assertThat(keptLayers).isEqualTo(originalLayers);
        assertThat(after.subList(0, after.size() - again.layers().size())).isEqualTo(before.subList(0, before.size() - doc.layers().size() + 3));
    }

    /** When the composite was recomputed it is compared elsewhere; here structure and layer pixels matter. */
    private static PsdDocument withoutComposite(PsdDocument d, PsdWriteResult result) {
        if (result.compositeRecomputed()) d.composite.clear();
        return d;
    }

    /**
     * Flag bit 3 says the mask was rendered from other data; the only such data a layer holds is its
     * vector mask. Without one the data is the mask itself, as psd-io's compositor and ag-psd apply it.
     */
    @Test
    void a_mask_flagged_as_rendered_is_the_mask_unless_the_layer_has_a_vector_mask() throws Exception {
        PsdLayer layer = PsdLayer.newPixelLayer("Jewelry", 0, 0, 4, 2, 8, new byte[][] {new byte[8], new byte[8], new byte[8]}, null);
        layer.setUserMask(new LayerMask(0, 0, 2, 4, 0, LayerMask.FROM_RENDERING, null, null, null, null, null), new byte[8], 8);
        assertThat(layer.hasUserMask()).isTrue();
        PsdLayer vectorMasked = PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd")).layers().stream()
            .filter(l -> l.vectorMask() != null && l.userMask() != null && (l.userMask().flags() & LayerMask.FROM_RENDERING) != 0
                && l.userMask().real() == null)
            .findFirst().orElseThrow();
        assertThat(vectorMasked.hasUserMask()).as(vectorMasked.name()).isFalse();
    }

    /**
     * Without real-mask fields, mask data must stay under 36 bytes (readers take 36 or more as holding
     * them): both feathers (35 bytes) are written unpadded and read back; more is refused before a
     * file is written.
     */
    @Test
    void mask_parameters_without_real_mask_fields_stay_readable_or_are_refused() throws Exception {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 4, 4);
        PsdLayer layer = PsdLayer.newPixelLayer("masked", 0, 0, 4, 4, 8, new byte[][] {new byte[16]}, null);
        doc.addLayer(0, layer);
        layer.setUserMask(new LayerMask(0, 0, 4, 4, 0, 0, null, 2.5, null, 1.5, null), new byte[16], 8);
        PsdWriter.write(doc, tmp.resolve("feathers.psd"));
        LayerMask back = PsdReader.read(tmp.resolve("feathers.psd")).layers().get(0).userMask();
        assertThat(List.of(back.userFeather(), back.vectorFeather())).containsExactly(2.5, 1.5);
        assertThat(back.real()).isNull();

        layer.setUserMask(new LayerMask(0, 0, 4, 4, 0, 0, 128, 2.5, 200, 1.5, null), new byte[16], 8);
        assertThatThrownBy(() -> PsdWriter.write(doc, tmp.resolve("all.psd")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("37 bytes").hasMessageContaining("drop a density or a feather");
        assertThat(tmp.resolve("all.psd")).doesNotExist();
    }
}
