// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PsdWriteOptions#reencodingAll}: every layer channel and layer mask is stored in the compression
 * asked for and the composite anew, with the same decoded pixels. Without it, the stored bytes are kept.
 */
class ReencodeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "agpsd__jewelry-rgb8-rle.psd, ZIP",
            "agpsd__jewelry-rgb8-zip.psd, RLE",
            "agpsd__jewelry-rgb8.psb, ZIP_PREDICTION",
            "psdtools__4x4-16bit-rgb-mask.psd, ZIP_PREDICTION",
            "psdtools__4x4-16bit-rgb-mask.psd, RAW",
            "oovpsd__masks-vector-masks.psd, ZIP"})
    void every_channel_is_stored_in_the_compression_asked_for(String file, Compression asked) throws Exception {
        PsdDocument in = PsdReader.read(Corpus.path(file));
        Path out = tmp.resolve("out-" + file);
        PsdWriter.write(in, out, PsdWriteOptions.reencodingAll(asked));

        PsdDocument back = PsdReader.read(out);
        // The composite is raw or RLE, the only forms readers take (TwelveMonkeysOracleTest).
        assertThat(back.compositeCompression()).isEqualTo(asked == Compression.RAW ? Compression.RAW : Compression.RLE);
        List<PsdChannel> before = channels(in), after = channels(back);
        assertThat(after).hasSameSizeAs(before).isNotEmpty();
        for (int i = 0; i < before.size(); i++) {
            PsdChannel a = before.get(i), b = after.get(i);
            String what = file + " channel " + i + " " + a;
            assertThat(b.decoded()).as(what).isEqualTo(a.decoded());
        }
        assertThat(layerCompressions(back)).as("layer channels and masks").containsOnly(asked);
    }

    @ParameterizedTest
    @CsvSource({"agpsd__jewelry-rgb8-rle.psd, ZIP", "agpsd__jewelry-rgb8-zip.psd, RLE"})
    void without_reencoding_the_stored_bytes_are_kept(String file, Compression asked) throws Exception {
        Path out = tmp.resolve("kept-" + file);
        PsdWriter.write(PsdReader.read(Corpus.path(file)), out, new PsdWriteOptions(asked));
        assertThat(Files.mismatch(out, Corpus.path(file))).isEqualTo(-1);
    }

    /** Layer channels in file order, then the composite's. */
    private static List<PsdChannel> channels(PsdDocument doc) {
        List<PsdChannel> all = new ArrayList<>();
        for (PsdLayer l : doc.layers()) all.addAll(l.channels());
        all.addAll(doc.composite());
        return all;
    }

    private static List<Compression> layerCompressions(PsdDocument doc) {
        List<Compression> codes = new ArrayList<>();
        for (PsdLayer l : doc.layers()) {
            for (PsdChannel c : l.channels()) codes.add(c.compression());
        }
        return codes;
    }
}
