// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Compares two documents' structure and decoded pixels, for round-trip tests. */
final class Structures {
    private Structures() {}

    /** A plain description of a layer record, without pixels. */
    static String describe(PsdLayer l) {
        return String.join("|", l.name(), "" + l.top(), "" + l.left(), "" + l.bottom(), "" + l.right(), l.blendMode(), "" + l.opacity(),
                "" + l.clipping(), "" + l.flags(), "" + l.lockFlags(), "" + l.layerId(), "" + l.sectionType(), String.valueOf(l.userMask()),
                String.valueOf(l.vectorMask() == null ? null : l.vectorMask().path().knotCount()),
                l.blocks().stream().map(b -> b.key() + ":" + java.util.Arrays.hashCode(b.data())).toList().toString(),
                l.channels().stream().map(c -> c.id() + ":" + c.width() + "x" + c.height()).toList().toString());
    }

    static List<String> describe(PsdDocument d) {
        List<String> out = new ArrayList<>();
        out.add(d.version() + " " + d.colorMode() + " " + d.depth() + " " + d.width() + "x" + d.height() + " " + d.channelCount());
        d.resources().forEach(r -> out.add("res " + r.signature() + " " + r.id() + " " + r.name() + " " + java.util.Arrays.hashCode(r.data())));
        d.documentBlocks().forEach(b -> out.add("doc " + b.key() + (b.key().startsWith("Lr") ? "" : " " + java.util.Arrays.hashCode(b.data()))));
        out.add("negative " + d.negativeLayerCount() + " in " + d.layerInfoLocation());
        d.layers().forEach(l -> out.add(describe(l)));
        return out;
    }

    /** Same structure and identical decoded pixels for every layer channel, mask and composite channel. */
    static void assertSame(PsdDocument expected, PsdDocument actual) {
        assertThat(describe(actual)).isEqualTo(describe(expected));
        for (int i = 0; i < expected.layers().size(); i++) {
            List<PsdChannel> a = actual.layers().get(i).channels(), e = expected.layers().get(i).channels();
            for (int c = 0; c < e.size(); c++) {
                assertThat(a.get(c).decoded()).as("layer %d channel %d", i, e.get(c).id()).isEqualTo(e.get(c).decoded());
            }
        }
        assertThat(actual.composite()).hasSameSizeAs(expected.composite());
        for (int c = 0; c < expected.composite().size(); c++) {
            assertThat(actual.composite().get(c).decoded()).as("composite channel %d", c).isEqualTo(expected.composite().get(c).decoded());
        }
    }
}
