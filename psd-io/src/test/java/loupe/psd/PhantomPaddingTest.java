// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * chinedufn__luni-minimal.psd: its last layer record and its layer info each count 2 bytes never
 * written. The reader re-aligns it, and only when the re-aligned reading validates exactly.
 */
class PhantomPaddingTest {
    private static final String LUNI = "chinedufn__luni-minimal.psd";

    @Test
    void luni_minimal_reads_re_aligned_with_the_pixels_its_data_holds() throws Exception {
        for (boolean eager : new boolean[] {false, true}) {
            PsdDocument doc = PsdReader.read(Corpus.path(LUNI), PsdReadOptions.DEFAULT.withDecodeEagerly(eager));
            assertThat(doc.layers()).extracting(PsdLayer::name).containsExactly("1", "2 \u306E\u30B3\u30D4\u30FC", "3");
            assertThat(doc.corrections()).singleElement().asString().contains("declares 32 bytes of extra data but holds 30");
            for (PsdLayer l : doc.layers()) {
                assertThat(l.channels()).extracting(PsdChannel::id).containsExactly(-1, 0, 1, 2);
                // Each channel is RLE, one row of 2 bytes: 00 FF, a literal run of one 255.
                for (PsdChannel c : l.channels()) assertThat(c.decoded()).as("layer %s channel %d", l.name(), c.id()).containsExactly(0xFF);
            }
            assertThat(doc.globalLayerMaskInfo()).isEmpty();
            assertThat(doc.documentBlocks()).extracting(TaggedBlock::key).containsExactly("Patt");
        }
    }

    @Test
    void stray_bytes_that_are_zeros_are_padding_and_the_file_stays_refused() throws Exception {
        byte[] data = Files.readAllBytes(Corpus.path(LUNI));
        data[0x4AA] = 0;
        data[0x4AB] = 0;
        assertThatThrownBy(() -> PsdReader.read(LUNI, data, PsdReadOptions.DEFAULT))
                .isInstanceOf(PsdFormatException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    }

    @Test
    void a_re_aligned_reading_that_does_not_validate_leaves_the_strict_error() throws Exception {
        byte[] data = Files.readAllBytes(Corpus.path(LUNI));
        // The first re-aligned channel's row count says 3 bytes where 2 are stored.
        data[0x4AD] = 3;
        assertThatThrownBy(() -> PsdReader.read(LUNI, data, PsdReadOptions.DEFAULT))
                .isInstanceOf(PsdFormatException.class)
                .hasMessageContaining("global layer mask info")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString().contains("RLE row 0 needs 3 bytes"));
    }
}
