// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * read, write, read again: same structure and pixels; an unchanged document comes back byte for
 * byte, except the length fields a re-aligned file had wrong ({@link Corpus#CORRECTED}).
 */
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
        Map<Integer, String> corrected = Corpus.CORRECTED.getOrDefault(file, Map.of());
        assertThat(doc.corrections()).as("corrections noted on read").hasSize(corrected.isEmpty() ? 0 : 1);
        assertThat(again.corrections()).as("the written file needs none").isEmpty();
        assertThat(b).as("size of %s", file).hasSameSizeAs(a);
        assertThat(differences(a, b)).as("bytes of %s that differ", file).isEqualTo(corrected);
    }

    private static Map<Integer, String> differences(byte[] a, byte[] b) {
        Map<Integer, String> d = new TreeMap<>();
        for (int i = 0; i < Math.min(a.length, b.length) && d.size() < 20; i++) {
            if (a[i] != b[i]) d.put(i, String.format("%02X -> %02X", a[i] & 0xFF, b[i] & 0xFF));
        }
        return d;
    }
}
