// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random byte flips, field overwrites, truncations and splices of small corpus files (fixed seed):
 * the reader either succeeds or throws PsdFormatException, and everything parsed on demand
 * (names, masks, paths, tree, summary) works on whatever it read.
 */
class MutationFuzzTest {
    private static final String[] SMALL = {"chinedufn__rle-empty-channel.psd", "pillow__five-channels.psd", "psdtools__gimp-transparent-bg.psd",
            "twelvemonkeys__gimp-packbits-overflow.psd", "pillow__negative-layer-count.psd", "oovpsd__photopea.psd", "psdtools__third-party-cactus.psd",
            "chinedufn__out-of-bounds-layer.psd", "psdtools__4x4-16bit-rgb-mask.psd", "psdtools__32bit-5x5-layers.psd", "psdrb__vector-path.psd",
            "psdtools__16bit-5x5-layers.psd", "twelvemonkeys__long-layer-names-gray.psd", "chinedufn__nested-subgroups.psd", "psdtools__path-op-combine.psd"};
    private static final int CASES = 12_000;
    private static final PsdReadOptions OPTIONS = new PsdReadOptions(20_000_000L, true);

    @Test
    @Timeout(120)
    void mutated_files_only_ever_fail_with_psd_format_exception() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : SMALL) seeds.add(Files.readAllBytes(Corpus.path(f)));
        Random r = new Random(20261129L);
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] data = mutate(seeds.get(r.nextInt(seeds.size())), r);
            try {
                exercise(PsdReader.read("case" + i + ".psd", data, OPTIONS));
            } catch (PsdFormatException expected) {
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("case " + i + " threw " + t, t);
            }
        }
        assertThat(refused).as("some mutations must be refused").isBetween(CASES / 20, CASES);
    }

    private static void exercise(PsdDocument doc) {
        for (PsdLayer l : doc.layers()) {
            l.name();
            l.vectorMask();
            l.lockFlags();
            l.sectionType();
            l.hasUserMask();
        }
        doc.layerTree();
        doc.paths();
        doc.clippingPath();
        doc.workingPath();
        doc.alphaChannelNames();
        doc.iccProfileName();
        doc.resolution();
        PsdSummary.of(doc).toText();
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] d = seed.clone();
        switch (r.nextInt(5)) {
            case 0: { // flip a few bytes
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                return d;
            }
            case 1: { // overwrite a 4-byte field with an extreme value
                int at = r.nextInt(Math.max(1, d.length - 4));
                int[] extremes = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, r.nextInt()};
                int v = extremes[r.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < d.length; k++) d[at + k] = (byte) (v >>> (24 - 8 * k));
                return d;
            }
            case 2: // truncate
                return java.util.Arrays.copyOf(d, r.nextInt(d.length));
            case 3: { // duplicate a slice somewhere else
                int from = r.nextInt(d.length), len = r.nextInt(Math.min(64, d.length - from) + 1), to = r.nextInt(d.length);
                byte[] out = new byte[d.length + len];
                System.arraycopy(d, 0, out, 0, to);
                System.arraycopy(d, from, out, to, len);
                System.arraycopy(d, to, out, to + len, d.length - to);
                return out;
            }
            default: { // delete a slice
                int from = r.nextInt(d.length), len = r.nextInt(Math.min(64, d.length - from) + 1);
                byte[] out = new byte[d.length - len];
                System.arraycopy(d, 0, out, 0, from);
                System.arraycopy(d, from + len, out, from, d.length - from - len);
                return out;
            }
        }
    }
}
