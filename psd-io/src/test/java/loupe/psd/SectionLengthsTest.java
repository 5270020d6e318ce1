// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lengths other readers rely on, walked in the written bytes: the layer info's length is even
 * (the spec: "rounded up to a multiple of 2"), every document-level tagged block starts at an even
 * offset, and a PSD holds no "8B64" signature (it promises an 8-byte length); layer info left as
 * long as it was keeps the input's layout, whatever it was. The writer once kept
 * the input's padding byte count although re-encoding or new layers changed the length (odd layer
 * info, odd Lr16 blocks: ag-psd misread the rest), and kept a PSB's "8B64" in a PSD.
 */
class SectionLengthsTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> writes() {
        List<Arguments> all = new ArrayList<>();
        for (String name : Corpus.readableNames()) {
            for (Compression c : List.of(Compression.RLE, Compression.ZIP)) all.add(Arguments.of(name, c));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} re-encoded {1}")
    @MethodSource("writes")
    void re_encoded_corpus_files_keep_even_lengths(String name, Compression compression) throws Exception {
        Path out = tmp.resolve("out.psd");
        PsdWriter.write(PsdReader.read(Corpus.path(name)), out, PsdWriteOptions.reencodingAll(compression));
        // A section whose length did not change keeps the input's layout (Paint Tool SAI writes odd ones).
        assertThat(problems(Files.readAllBytes(out))).as(name)
                .isSubsetOf(problems(Files.readAllBytes(Corpus.path(name))));
    }

    @Test
    void psb_blocks_written_into_a_psd_lose_their_8b64_signature() throws Exception {
        for (String name : List.of("agpsd-tests__layers.psb", "psdtools__hidden-layer.psb")) {
            PsdDocument doc = PsdReader.read(Corpus.path(name));
            doc.setLargeFormat(false);
            Path out = tmp.resolve(name + ".psd");
            PsdWriter.write(doc, out);
            assertThat(problems(Files.readAllBytes(out))).as(name).isEmpty();
            Structures.assertSame(doc, PsdReader.read(out));
        }
    }

    @Test
    void new_documents_with_layers_of_any_size_have_even_lengths() throws Exception {
        for (int depth : new int[] {8, 16}) {
            for (int width = 1; width <= 4; width++) {
                PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, depth, width, 1);
                byte[] plane = new byte[width * depth / 8];
                plane[0] = 7;
                doc.addLayer(0, PsdLayer.newPixelLayer("Layer", 0, 0, width, 1, depth, new byte[][] {plane}, null));
                Path out = tmp.resolve("new" + depth + "-" + width + ".psd");
                PsdWriter.write(doc, out);
                assertThat(problems(Files.readAllBytes(out))).as(depth + "-bit, " + width + " px").isEmpty();
            }
        }
    }

    /** What is wrong with the written file's lengths, walked independently of the reader. */
    private static List<String> problems(byte[] file) throws IOException {
        List<String> found = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        b.position(4);
        boolean psb = b.getShort() == 2;
        b.position(26);
        b.position(b.position() + 4 + b.getInt()); // colour mode data
        b.position(b.position() + 4 + b.getInt()); // image resources
        long sectionLength = psb ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
        int sectionStart = b.position();
        long end = sectionStart + sectionLength;
        if (sectionLength == 0) return found;
        long infoLength = psb ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
        if (infoLength % 2 != 0) found.add("layer info length " + infoLength + " is odd");
        if (!skip(b, infoLength, end, "the layer info", found)) return found;
        // The global layer mask info (some writers leave it out).
        if (end - b.position() >= 4 && !Keys.isBlockSignature(peekKey(b)) && !skip(b, b.getInt(), end, "the global mask info", found)) {
            return found;
        }
        while (end - b.position() >= 12) {
            int at = b.position();
            String signature = key(b);
            String key = key(b);
            if ((at - sectionStart) % 2 != 0) found.add("block '" + key + "' starts at odd offset " + at);
            if (!psb && Keys.SIG_8B64.equals(signature)) found.add("block '" + key + "' has signature 8B64 in a PSD");
            long length = Keys.wideLength(key, psb) ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
            if (!skip(b, length, end, "block '" + key + "' at " + at, found)) break;
            while (b.position() < end && b.get(b.position()) == 0) b.get(); // padding, however much
        }
        return found;
    }

    /** Skips {@code length} bytes, or notes that they overrun the section (a damaged input) and says so. */
    private static boolean skip(ByteBuffer b, long length, long end, String what, List<String> found) {
        if (length < 0 || length > end - b.position()) {
            found.add(what + " overruns the section");
            return false;
        }
        b.position((int) (b.position() + length));
        return true;
    }

    private static String peekKey(ByteBuffer b) {
        String k = key(b);
        b.position(b.position() - 4);
        return k;
    }

    private static String key(ByteBuffer b) {
        byte[] k = new byte[4];
        b.get(k);
        return Keys.text(k);
    }
}
