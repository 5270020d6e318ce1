// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which layer effects Photoshop's files show, read from their object-effects blocks. */
class LayerEffectsTest {
    /** Every style in the corpus parses (Photoshop's own, with single and "Multi" effects). */
    @Test
    void every_style_in_the_corpus_reads() throws Exception {
        int styles = 0;
        for (String name : Corpus.readableNames()) {
            for (PsdLayer l : PsdReader.read(Corpus.path(name)).layers()) {
                for (String key : List.of("lfx2", "lmfx")) {
                    TaggedBlock b = l.block(key);
                    if (b == null) continue;
                    LayerEffects.shown(b, name + " layer '" + l.name() + "'");
                    styles++;
                }
            }
        }
        assertThat(styles).isGreaterThanOrEqualTo(19);
    }

    /** psd-tools' layer comps: drop shadows, bevels, strokes and gradient overlays, one stroke switched off. */
    @Test
    void the_effects_switched_on_are_named() throws Exception {
        List<List<String>> styles = styles("psdtools__layer-comps.psd");
        assertThat(styles.get(0)).containsExactly("Drop Shadow", "Bevel & Emboss");
        assertThat(styles.stream().flatMap(List::stream).distinct())
                .containsExactlyInAnyOrder("Drop Shadow", "Bevel & Emboss", "Stroke", "Gradient Overlay");
    }

    /** Photoshop's "Multi" lists beside single effects: only the entries switched on count. */
    @Test
    void effects_in_multi_lists_count_only_when_on() throws Exception {
        assertThat(styles("psdtools__fill-and-adjustment-layers.psd"))
                .containsExactly(List.of("Gradient Overlay"), List.of("Pattern Overlay"), List.of("Gradient Overlay"));
        assertThat(styles("webtoon__example-400x800.psd").get(0)).containsExactly("Drop Shadow");
    }

    /** Styles that hold no effect, or only effects switched off, show nothing. */
    @Test
    void a_style_with_every_effect_off_shows_nothing() throws Exception {
        assertThat(styles("oovpsd__masks-vector-masks.psd")).containsExactly(List.of());
        assertThat(styles("oovpsd__clipping.psd")).hasSize(4).allMatch(List::isEmpty);
        assertThat(styles("webtoon__example-400x800.psd").get(1)).isEmpty();
    }

    /** The eye on "Effects" (masterFXSwitch false) hides a style whose effects are on. */
    @Test
    void a_hidden_style_shows_nothing() throws Exception {
        PsdLayer styled = PsdReader.read(Corpus.path("psdtools__layer-comps.psd")).layers().stream()
                .filter(l -> l.block("lfx2") != null).findFirst().orElseThrow();
        byte[] data = styled.block("lfx2").data().clone();
        int at = indexOf(data, "masterFXSwitchbool".getBytes(StandardCharsets.US_ASCII)) + "masterFXSwitchbool".length();
        assertThat(data[at]).isEqualTo((byte) 1);
        data[at] = 0;
        assertThat(LayerEffects.shown(TaggedBlock.of("lfx2", data), styled.name())).isEmpty();
    }

    /** A style cut short is refused by the compositor with where it broke, not thrown. */
    @Test
    void a_damaged_style_is_refused_naming_the_layer_and_offset() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd"));
        PsdLayer styled = doc.layers().stream().filter(l -> l.name().equals("layerMask")).findFirst().orElseThrow();
        byte[] data = styled.block("lfx2").data();
        styled.setBlock(TaggedBlock.of("lfx2", Arrays.copyOf(data, data.length / 2)));
        assertThat(PsdCompositor.cannotRender(doc))
                .startsWith("layer 'layerMask': layer effects ('lfx2'): ")
                .contains("(offset 0x")
                .endsWith("layer effects that do not read are not rendered");
    }

    /** What each layer's lfx2 shows, bottom layer first. */
    private static List<List<String>> styles(String file) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (PsdLayer l : PsdReader.read(Corpus.path(file)).layers()) {
            if (l.block("lfx2") != null) out.add(LayerEffects.shown(l.block("lfx2"), l.name()));
        }
        return out;
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) if (data[i + j] != what[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }
}
