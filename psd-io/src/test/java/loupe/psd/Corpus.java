// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared PSD corpus and what manifest.json says about each file. */
final class Corpus {
    /** Files the brief says must be refused, with the reason. */
    static final Map<String, String> REFUSED = Map.of(
            "webtoon__bad-channel-compression.psd", "layer channel compression code 4",
            "webtoon__bad-depth-17.psd", "bit depth 17 in the header",
            "twelvemonkeys__broken-short-packbits.psd", "truncated PackBits composite");

    /**
     * Files read only by re-aligning wrong length fields (PhantomPadding), with every byte a round trip
     * changes: offset to input byte and output byte. luni-minimal: the layer info length at 0x38A and
     * the last record's extra-data length at 0x488 each counted 2 bytes that were never written.
     */
    static final Map<String, Map<Integer, String>> CORRECTED = Map.of(
            "chinedufn__luni-minimal.psd", Map.of(0x38D, "66 -> 64", 0x48B, "20 -> 1E"));

    private static List<JsonNode> entries;

    private Corpus() {}

    static Path folder() { return Path.of(System.getProperty("loupe.shared", "../../shared")).resolve("psd-corpus"); }

    static synchronized List<JsonNode> entries() {
        if (entries == null) {
            try {
                JsonNode root = new ObjectMapper().readTree(folder().resolve("manifest.json").toFile());
                List<JsonNode> list = new ArrayList<>();
                root.get("files").forEach(list::add);
                entries = list;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    static List<String> names() { return entries().stream().map(e -> e.get("file").asText()).toList(); }

    static List<String> readableNames() { return names().stream().filter(n -> !REFUSED.containsKey(n)).toList(); }

    static JsonNode facts(String name) {
        return entries().stream().filter(e -> e.get("file").asText().equals(name)).findFirst().orElseThrow().get("facts");
    }

    static Path path(String name) { return folder().resolve(name); }
}
