// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PsdSummaryTest {
    @Test
    void jewelry_file_summary_shows_tree_masks_locks_and_hidden_layers() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd")));
        String text = s.toText();
        assertThat(text).startsWith("PSD RGB 8-bit 1200x900");
        assertThat(text).contains("[group] ").contains("\"Frame (locked all)\"").contains("hidden").contains(" mask").contains("vector-mask")
                .contains("locks=transparency+position");
        assertThat(s.layerCount()).isEqualTo(7);
        assertThat(s.groupCount()).isEqualTo(1);

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
        assertThat(json.get("format").asText()).isEqualTo("PSD");
        assertThat(json.get("layers").isArray()).isTrue();
        assertThat(json.toString()).contains("\"children\"").contains("\"userMask\"");
    }

    @Test
    void a_placeholder_composite_is_named_as_one() throws Exception {
        PsdSummary placeholder = PsdSummary.of(PsdReader.read(Corpus.path("psdtools__layer-name-emoji.psd")));
        assertThat(placeholder.compositeIsReal()).isFalse();
        assertThat(placeholder.toText()).contains("Composite: Photoshop's white placeholder (saved with Maximize Compatibility off)");
        PsdSummary real = PsdSummary.of(PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd")));
        assertThat(real.compositeIsReal()).isTrue();
        assertThat(real.toText()).doesNotContain("Composite:");
    }

    @Test
    void clipping_path_is_marked() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("imagemagick__clipping-path-from-jpeg-rle.psd")));
        assertThat(s.paths()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Path 1");
            assertThat(p.clipping()).isTrue();
        });
        assertThat(s.toText()).contains("\"Path 1\"").contains("[clipping path]");
    }

    @Test
    void a_disabled_vector_mask_is_shown_in_text_and_json() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd")));
        assertThat(s.toText()).containsPattern("\"vectorMask disabled\" .* vector-mask\\(disabled\\)");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
        JsonNode disabled = layer(json.get("layers"), "vectorMask disabled");
        assertThat(disabled.get("vectorMask").get("disabled").asBoolean()).isTrue();
        JsonNode enabled = layer(json.get("layers"), "vectorMask");
        assertThat(enabled.get("vectorMask").get("disabled").asBoolean()).isFalse();
        assertThat(s.toText()).containsPattern("\"vectorMask\" .* vector-mask id=");
    }

    /** Density below 100 %, and a vector mask saved without a rendering the compositor can use, are shown. */
    @Test
    void mask_density_and_a_vector_mask_without_a_rendering_are_shown() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("psdtools__layer-mask-data.psd")));
        assertThat(s.toText()).containsPattern("\"1\" .* vector-mask\\(80 %\\) ")
                .containsPattern("\"2\" .* mask\\(90 %\\) vector-mask\\(no usable rendering\\)")
                .containsPattern("\"4\" .* mask\\(75 %\\) vector-mask ");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
        assertThat(layer(json.get("layers"), "1").get("vectorMask").get("densityPercent").asInt()).isEqualTo(80);
        assertThat(layer(json.get("layers"), "2").get("vectorMask").get("rendered").asBoolean()).isFalse();
    }

    @Test
    void alpha_channels_are_listed_with_index_and_name() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("twelvemonkeys__alpha-channels.psd")));
        assertThat(s.alphaChannels()).extracting(PsdSummary.AlphaSummary::index, PsdSummary.AlphaSummary::name,
                PsdSummary.AlphaSummary::channel).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Transparency", 3), org.assertj.core.groups.Tuple.tuple(2, "Alpha 1", 4));
        assertThat(s.toText()).contains("Alpha channels: \n  1 \"Transparency\" (channel 3)\n  2 \"Alpha 1\" (channel 4)\n");
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
        assertThat(json.get("alphaChannels").get(1).get("name").asText()).isEqualTo("Alpha 1");
        assertThat(json.get("alphaChannels").get(1).get("index").asInt()).isEqualTo(2);

        PsdSummary none = PsdSummary.of(PsdReader.read(Corpus.path("psdjs__locked-1x1.psd")));
        assertThat(none.alphaChannels()).isEmpty();
        assertThat(none.toText()).contains("Alpha channels: none\n");
    }

    /** The layer named {@code name} anywhere in the tree. */
    private static JsonNode layer(JsonNode layers, String name) {
        for (JsonNode l : layers) {
            if (l.get("name").asText().equals(name)) return l;
            JsonNode inChild = layer(l.get("children"), name);
            if (inChild != null) return inChild;
        }
        return null;
    }

    @Test
    void lock_all_bit_31_is_reported() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("psdjs__locked-1x1.psd")));
        assertThat(s.toText()).contains("\"All\"").contains("locks=all");
    }
}
