// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A run of tagged blocks up to a section end, with the padding each writer used kept per block. */
final class TaggedBlocks {
    private static final int HEADER = 12;

    /** Blocks in file order, plus bytes before the end that do not form a block. */
    record Run(List<TaggedBlock> blocks, byte[] trailing) {}

    private TaggedBlocks() {}

    /** Parses a block's data where it lies, {@code in} at its start; returns false to keep the bytes as the block's data instead. */
    interface InPlace {
        boolean read(String key, long dataEnd) throws IOException;
    }

    static Run read(PsdInput in, long end, boolean psb) throws IOException { return read(in, end, psb, Set.of(), null); }

    /**
     * Reads the blocks up to {@code end}; blocks with a key in {@code inPlaceKeys} are handed to
     * {@code inPlace} (so a layer block of hundreds of MB is never one array) and kept with empty data.
     */
    static Run read(PsdInput in, long end, boolean psb, Set<String> inPlaceKeys, InPlace inPlace) throws IOException {
        List<TaggedBlock> blocks = new ArrayList<>();
        while (end - in.position() >= HEADER && Keys.isBlockSignature(in.peekKey(in.position()))) {
            in.push("tagged block " + blocks.size());
            String signature = in.key();
            String key = in.key();
            in.pop();
            in.push("tagged block '" + key + "'");
            long length = in.length(Keys.wideLength(key, psb));
            if (length > end - in.position()) {
                throw in.fail("block declares " + length + " bytes but only " + (end - in.position()) + " remain in the section",
                        in.position() - (Keys.wideLength(key, psb) ? 8 : 4));
            }
            long at = in.position();
            byte[] data;
            if (inPlaceKeys.contains(key) && inPlace.read(key, at + length)) {
                data = new byte[0];
                in.seek(at + length);
            } else {
                in.seek(at);
                data = in.bytes(length);
            }
            int padding = observedPadding(in, end);
            in.skip(padding);
            blocks.add(new TaggedBlock(signature, key, data, padding));
            in.pop();
        }
        return new Run(blocks, in.bytes(end - in.position()));
    }

    /** Spec: "rounded up to an even byte count"; Photoshop often pads to 4. The next signature tells which. */
    private static int observedPadding(PsdInput in, long end) throws IOException {
        long pos = in.position();
        for (int p = 0; p <= 3; p++) {
            long q = pos + p;
            if (q == end) return p;
            if (q > end) break;
            if (Keys.isBlockSignature(in.peekKey(q))) return p;
        }
        return 0;
    }

    static void write(PsdOutput out, List<TaggedBlock> blocks, byte[] trailing, boolean psb) {
        for (TaggedBlock b : blocks) write(out, b, psb);
        out.bytes(trailing);
    }

    static void write(PsdOutput out, TaggedBlock b, boolean psb) {
        out.key(Keys.signatureIn(b.signature(), psb));
        out.key(b.key());
        out.length(b.data().length, Keys.wideLength(b.key(), psb));
        out.bytes(b.data());
        out.zeros(b.padding());
    }
}
