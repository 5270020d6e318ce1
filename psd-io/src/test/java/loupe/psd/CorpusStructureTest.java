// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus file reads (or is refused where the manifest marks it damaged) and agrees with the manifest's facts. */
class CorpusStructureTest {
    static Stream<String> files() { return Corpus.names().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void agrees_with_the_manifest(String file) throws Exception {
        if (Corpus.REFUSED.containsKey(file)) {
            assertThatThrownBy(() -> PsdReader.read(Corpus.path(file), PsdReadOptions.DEFAULT.withDecodeEagerly(true)))
                    .isInstanceOf(PsdFormatException.class)
                    .satisfies(e -> assertThat(((PsdFormatException) e).offset()).isGreaterThanOrEqualTo(0));
            return;
        }
        PsdDocument doc = PsdReader.read(Corpus.path(file));
        JsonNode f = Corpus.facts(file);
        assertThat(doc.version() == 2 ? "PSB" : "PSD").isEqualTo(f.get("format").asText());
        assertThat(modeName(doc.colorMode())).isEqualTo(f.get("color_mode").asText());
        assertThat(doc.depth()).isEqualTo(f.get("bit_depth").asInt());
        assertThat(doc.width()).isEqualTo(f.get("width").asInt());
        assertThat(doc.height()).isEqualTo(f.get("height").asInt());
        assertThat(doc.channelCount()).isEqualTo(f.get("channels").asInt());
        assertThat(doc.layers()).hasSize(f.get("layer_records").asInt());
        List<PsdLayer> plain = doc.layers().stream().filter(l -> l.sectionType() == SectionType.OTHER).toList();
        assertThat(plain).as("layers that are not group records").hasSize(f.get("layer_count").asInt());
        assertThat(doc.layers().stream().filter(PsdLayer::isGroupStart).count()).as("groups").isEqualTo(f.get("group_count").asInt());
        assertThat(names(doc, l -> !l.visible() && !l.isGroupEnd())).as("hidden").isEqualTo(set(f.get("hidden_layers")));
        assertThat(names(doc, PsdLayer::hasUserMask)).as("user masks")
                .isEqualTo(set(f.get("user_mask_layers")));
        assertThat(names(doc, l -> l.pixelMask() != null && l.pixelMask().disabled()))
                .as("disabled user masks").isEqualTo(set(f.get("user_mask_disabled_layers")));
        assertThat(names(doc, l -> l.vectorMask() != null)).as("vector masks").isEqualTo(set(f.get("vector_mask_layers")));
        Map<String, Long> locks = new TreeMap<>();
        for (PsdLayer l : doc.layers()) if (l.lockFlags() != 0) locks.put(l.name(), l.lockFlags() & 0xFFFFFFFFL);
        Map<String, Long> expectedLocks = new TreeMap<>();
        f.get("locked_layers").forEach(n -> expectedLocks.put(n.get("name").asText(), n.get("lspf").asLong()));
        assertThat(locks).as("lspf lock flags").isEqualTo(expectedLocks);
        List<Map<String, Object>> paths = new ArrayList<>();
        for (SavedPath p : doc.paths()) paths.add(pathFacts(p.id(), p.name(), p.path().subpaths().size(), p.path().knotCount()));
        List<Map<String, Object>> expectedPaths = new ArrayList<>();
        f.get("path_resources").forEach(n -> expectedPaths.add(pathFacts(n.get("id").asInt(), n.get("name").asText(),
                n.get("subpaths").asInt(), n.get("knots").asInt())));
        assertThat(paths).as("saved paths").isEqualTo(expectedPaths);
        JsonNode clip = f.get("clipping_path_name");
        assertThat(doc.clippingPathName()).isEqualTo(clip == null || clip.isNull() ? null : clip.asText());
        if (doc.clippingPathName() != null) assertThat(doc.clippingPath()).isNotNull();
        assertThat(doc.iccProfile() != null).as("ICC profile").isEqualTo(f.path("icc_profile").asBoolean(false));
        assertThat(doc.composite()).hasSize(doc.channelCount());
    }

    private static Map<String, Object> pathFacts(int id, String name, int subpaths, int knots) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("subpaths", subpaths);
        m.put("knots", knots);
        return m;
    }

    static String modeName(ColorMode m) {
        switch (m) {
            case BITMAP: return "Bitmap";
            case GRAYSCALE: return "Grayscale";
            case INDEXED: return "Indexed";
            case RGB: return "RGB";
            case CMYK: return "CMYK";
            case MULTICHANNEL: return "Multichannel";
            case DUOTONE: return "Duotone";
            default: return "Lab";
        }
    }

    private static TreeSet<String> names(PsdDocument doc, java.util.function.Predicate<PsdLayer> p) {
        TreeSet<String> s = new TreeSet<>();
        for (PsdLayer l : doc.layers()) if (p.test(l)) s.add(l.name());
        return s;
    }

    private static TreeSet<String> set(JsonNode array) {
        TreeSet<String> s = new TreeSet<>();
        if (array != null) array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
