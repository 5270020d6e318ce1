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
    void clipping_path_is_marked() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("imagemagick__clipping-path-from-jpeg-rle.psd")));
        assertThat(s.paths()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Path 1");
            assertThat(p.clipping()).isTrue();
        });
        assertThat(s.toText()).contains("\"Path 1\"").contains("[clipping path]");
    }

    @Test
    void lock_all_bit_31_is_reported() throws Exception {
        PsdSummary s = PsdSummary.of(PsdReader.read(Corpus.path("psdjs__locked-1x1.psd")));
        assertThat(s.toText()).contains("\"All\"").contains("locks=all");
    }
}
