// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** read, write, read again: same structure and pixels; an unchanged document comes back byte for byte. */
class RoundTripTest {
    @TempDir
    Path tmp;

    static Stream<String> files() { return Corpus.readableNames().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void unchanged_document_round_trips_byte_for_byte(String file) throws Exception {
        Path in = Corpus.path(file);
        PsdDocument doc = PsdReader.read(in);
        Path out = tmp.resolve("out.psd");
        PsdWriteResult result = PsdWriter.write(doc, out);
        assertThat(result.compositeRecomputed()).isFalse();
        PsdDocument again = PsdReader.read(out);
        Structures.assertSame(doc, again);
        byte[] a = Files.readAllBytes(in), b = Files.readAllBytes(out);
        assertThat(firstDifference(a, b)).as("first differing byte of %s", file).isEqualTo("identical");
    }

    static String firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) return String.format("differs at 0x%X: input %02X, output %02X (sizes %d vs %d)", i, a[i] & 0xFF, b[i] & 0xFF, a.length, b.length);
        }
        return a.length == b.length ? "identical" : "same prefix, sizes " + a.length + " vs " + b.length;
    }
}
