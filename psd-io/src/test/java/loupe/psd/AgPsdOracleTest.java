// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ag-psd (Node), an independent reader, sees the layer tree Loupe wrote: names, bounds, groups,
 * hidden state, opacity, masks (rectangle, default colour, disabled state and 8-bit pixels), lock bits 0-2 (ag-psd ignores lock-all, bit 31) and layer ids.
 */
class AgPsdOracleTest {
    private static Path oracle;

    @TempDir
    Path tmp;

    /** Per test, not @BeforeAll: an assumption failed there reports no test at all, not each one skipped. */
    @BeforeEach
    void findOracle() {
        Path root = Path.of(System.getProperty("loupe.root", ".."));
        oracle = root.resolve("tools/agpsd-oracle");
        assumeTrue(Files.isDirectory(oracle.resolve("node_modules/ag-psd")), "run: npm ci --prefix tools/agpsd-oracle");
    }

    @Test
    void new_document_with_group_mask_locks_and_hidden_layer() throws Exception {
        Path out = tmp.resolve("new.psd");
        PsdDocument doc = Samples.layered(8, 64, 48);
        PsdWriter.write(doc, out);
        compare(PsdReader.read(out), read(out));
    }

    @Test
    void corpus_document_with_added_locked_masked_layer_in_a_group() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd"));
        PsdLayer added = PsdLayer.newPixelLayer("Loupe jewelry", 10, 20, 30, 20, 8,
                new byte[][] {Samples.plane(30, 20, 8, 1), Samples.plane(30, 20, 8, 2), Samples.plane(30, 20, 8, 3)}, Samples.alphaRamp(30, 20, 8));
        added.setUserMask(LayerMask.of(12, 22, 30, 48, 0), Samples.alphaRamp(26, 18, 8), 8);
        doc.insertGroupAbove(doc.layers().get(0), "Loupe", List.of(added));
        doc.lockLayer(added, PsdLayer.LOCK_POSITION | PsdLayer.LOCK_COMPOSITE | PsdLayer.LOCK_TRANSPARENCY);
        Path out = tmp.resolve("added.psd");
        PsdWriter.write(doc, out);
        compare(PsdReader.read(out), read(out));
    }

    private static JsonNode read(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", oracle.resolve("read.mjs").toString(), "--pixels", file.toString())
                .redirectErrorStream(false).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("ag-psd failed: %s", stderr).isZero();
        return new ObjectMapper().readTree(stdout);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(PsdDocument doc, JsonNode ag) {
        assertThat(ag.get("width").asInt()).isEqualTo(doc.width());
        assertThat(ag.get("height").asInt()).isEqualTo(doc.height());
        compare(doc.layerTree(), ag.get("layers"));
    }

    private static void compare(List<LayerNode> nodes, JsonNode layers) {
        assertThat(layers.size()).isEqualTo(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            PsdLayer l = nodes.get(i).layer();
            JsonNode a = layers.get(i);
            String what = "layer '" + l.name() + "'";
            assertThat(a.get("name").asText()).as(what).isEqualTo(l.name());
            assertThat(a.get("group").asBoolean()).as(what + " group").isEqualTo(nodes.get(i).isGroup());
            assertThat(a.get("hidden").asBoolean()).as(what + " hidden").isEqualTo(!l.visible());
            assertThat(a.get("opacity").asInt()).as(what + " opacity").isEqualTo(l.opacity());
            if (l.layerId() >= 0) assertThat(a.get("id").asInt()).as(what + " id").isEqualTo(l.layerId());
            JsonNode locks = a.get("protected");
            int lock = l.lockFlags();
            assertThat(locks.path("transparency").asBoolean()).as(what + " transparency lock").isEqualTo((lock & PsdLayer.LOCK_TRANSPARENCY) != 0);
            assertThat(locks.path("composite").asBoolean()).as(what + " composite lock").isEqualTo((lock & PsdLayer.LOCK_COMPOSITE) != 0);
            assertThat(locks.path("position").asBoolean()).as(what + " position lock").isEqualTo((lock & PsdLayer.LOCK_POSITION) != 0);
            if (!nodes.get(i).isGroup()) {
                assertThat(new int[] {a.get("top").asInt(), a.get("left").asInt(), a.get("bottom").asInt(), a.get("right").asInt()})
                        .as(what + " bounds").containsExactly(l.top(), l.left(), l.bottom(), l.right());
            }
            LayerMask m = l.userMask();
            if (l.hasUserMask() && m.real() == null) {
                JsonNode am = a.get("mask");
                assertThat(am.isNull()).as(what + " mask").isFalse();
                assertThat(new int[] {am.get("top").asInt(), am.get("left").asInt(), am.get("bottom").asInt(), am.get("right").asInt(),
                        am.get("defaultColor").asInt()}).as(what + " mask").containsExactly(m.top(), m.left(), m.bottom(), m.right(), m.defaultColor());
                assertThat(am.get("disabled").asBoolean()).isEqualTo(m.disabled());
                if (l.channel(PsdChannel.USER_MASK).depth() == 8) {
                    assertThat(am.path("graySha256").asText()).as(what + " mask pixels")
                            .isEqualTo(sha256(l.channel(PsdChannel.USER_MASK).decoded()));
                }
            }
            assertThat(a.get("vectorMask").asBoolean()).as(what + " vector mask").isEqualTo(l.vectorMask() != null);
            if (nodes.get(i).isGroup()) compare(nodes.get(i).children(), a.get("children"));
        }
    }
}
