// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer refuses layer records whose groups do not nest (TwelveMonkeys fails on such a file
 * with an EmptyStackException), naming the record, and writes nothing; the reader refuses such a file.
 */
class LayerNestingTest {
    @TempDir
    Path tmp;

    @Test
    void a_group_end_moved_above_its_start_is_refused_and_no_file_is_left() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd"));
        PsdLayer group = doc.insertGroupAbove(doc.layers().get(0), "Loupe group", List.of());
        PsdLayer end = doc.layers().get(doc.indexOf(group) - 1);
        assertThat(end.isGroupEnd()).isTrue();
        doc.removeLayer(end);
        doc.addLayer(doc.layers().size(), end);
        Path out = tmp.resolve("bad.psd");
        assertThatThrownBy(() -> PsdWriter.write(doc, out)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("layer record " + (doc.layers().size() - 1)).hasMessageContaining("no group is open above it");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_group_never_closed_is_refused() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd"));
        PsdLayer group = doc.insertGroupAbove(doc.layers().get(0), "Open group", List.of());
        doc.removeLayer(doc.layers().get(doc.indexOf(group) - 1));
        assertThatThrownBy(() -> PsdWriter.write(doc, tmp.resolve("open.psd")))
            .hasMessageContaining("'Open group'").hasMessageContaining("no group-end divider below it closes");
    }

    /** A damaged file is refused when read, before any work, not when its result is written. */
    @Test
    void a_file_whose_groups_do_not_nest_is_refused_when_read_naming_the_record() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd"));
        doc.insertGroupAbove(doc.layers().get(0), "Group", List.of());
        Path ok = tmp.resolve("ok.psd");
        PsdWriter.write(doc, ok);
        byte[] bytes = Files.readAllBytes(ok);
        // The first 'lsct' in file order is the group-end divider (type 3): make it a group start.
        int lsct = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("8BIMlsct");
        assertThat(bytes[lsct + 15]).isEqualTo((byte) 3);
        bytes[lsct + 15] = 1;
        PsdFormatException e = HostileInputTest.refused("unnested.psd", bytes);
        assertThat(e.getMessage()).contains("layer info: layer record 1 ('</Layer group>') starts a group that no "
            + "group-end divider below it closes");
    }

    @Test
    void nested_groups_pass() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("agpsd__jewelry-rgb8-rle.psd"));
        PsdLayer outer = doc.insertGroupAbove(doc.layers().get(0), "Outer", List.of());
        doc.insertGroupBelow(outer, "Inner", List.of());
        PsdWriter.write(doc, tmp.resolve("ok.psd"));
        assertThat(PsdReader.read(tmp.resolve("ok.psd")).layerTree()).anyMatch(n -> n.layer().name().equals("Outer")
            && n.children().stream().anyMatch(c -> c.layer().name().equals("Inner")));
    }
}
