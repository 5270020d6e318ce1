// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Layer info: layer count, layer records, then the channel image data of every layer in record
 * order. It lives in the layer and mask section, or in the document's {@code Lr16}/{@code Lr32} block.
 */
final class LayerInfo {
    /** Layers in file order; whether the count was negative; padding after the channel data. */
    record Parsed(boolean present, List<PsdLayer> layers, boolean negativeCount, Padding padding) {}

    private LayerInfo() {}

    /** {@code phantom} is null for an {@code Lr16}/{@code Lr32} block: only the main layer info is ever re-aligned. */
    static Parsed read(PsdInput in, long end, PsdHeader header, PixelBudget budget, boolean eager, PhantomPadding phantom)
            throws IOException {
        long start = in.position();
        if (end == start) return new Parsed(false, new ArrayList<>(), false, Padding.EVEN);
        boolean psb = header.psb();
        int count = in.s16();
        // Spec: "If it is a negative number, its absolute value is the number of layers and the first alpha
        // channel contains the transparency data for the merged result."
        boolean negative = count < 0;
        count = Math.abs(count);
        in.require(count * 18L, count + " layer records");
        List<LayerRecordCodec.Pending> pending = new ArrayList<>(count);
        long[] recordAt = new long[count];
        for (int i = 0; i < count; i++) {
            recordAt[i] = in.position();
            in.push("layer record " + i);
            pending.add(LayerRecordCodec.read(in, psb, i == count - 1 && phantom != null ? phantom.giveBack() : 0));
            in.pop();
        }
        boolean realign = phantom != null && phantom.realign;
        if (phantom != null && !realign && count > 0) {
            phantom.suspect = pending.get(count - 1).suspectPadding();
            phantom.declaredExtra = pending.get(count - 1).extraLength();
            phantom.declaredInfo = end - start;
        }
        if (realign) end -= phantom.suspect;
        LayerNesting.Break nesting = LayerNesting.find(pending.stream().map(LayerRecordCodec.Pending::layer).toList());
        if (nesting != null) throw in.fail(nesting.message(), recordAt[nesting.record()]);
        for (int i = 0; i < count; i++) {
            LayerRecordCodec.Pending p = pending.get(i);
            for (LayerRecordCodec.ChannelInfo c : p.channels()) {
                int[] size = LayerRecordCodec.channelSize(c.id(), p.layer(), p.mask());
                budget.add((long) size[0] * size[1], in, "layer record " + i + " channel " + c.id());
            }
        }
        List<PsdLayer> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LayerRecordCodec.Pending p = pending.get(i);
            List<PsdChannel> channels = new ArrayList<>(p.channels().size());
            for (LayerRecordCodec.ChannelInfo c : p.channels()) {
                in.push("layer record " + i + " channel " + c.id());
                int[] size = LayerRecordCodec.channelSize(c.id(), p.layer(), p.mask());
                channels.add(readChannel(in, c, size[0], size[1], header, eager, realign));
                in.pop();
            }
            p.layer().attachStoredChannels(channels);
            layers.add(p.layer());
        }
        if (in.position() > end) throw in.fail("layer info runs " + (in.position() - end) + " bytes past its declared length");
        Padding padding = Padding.infer(in.position() - start, in.bytes(end - in.position()));
        if (realign && padding.verbatim().length > 0) {
            throw in.fail("re-aligned layer info is followed by bytes that are not padding", end - padding.verbatim().length);
        }
        return new Parsed(true, layers, negative, padding);
    }

    /** A re-aligned channel is decoded now, and its RLE must account for every stored byte. */
    private static PsdChannel readChannel(PsdInput in, LayerRecordCodec.ChannelInfo c, int w, int h, PsdHeader header, boolean eager,
                                          boolean realign) throws IOException {
        if (c.length() < 2) throw in.fail("channel data length " + c.length() + " is shorter than its 2-byte compression code");
        in.require(c.length(), "channel data");
        long codeAt = in.position();
        int code = in.u16();
        Compression comp = Compression.ofCode(code);
        if (comp == null) throw in.fail("compression code " + code + " is not 0-3", codeAt);
        long dataAt = in.position();
        byte[] stored = in.bytes(c.length() - 2);
        PsdChannel ch = PsdChannel.stored(c.id(), w, h, header.depth(), comp, stored, header.psb(), in.fileName(), in.sectionPath(), dataAt);
        check(in, ch, stored, comp, w, h, header, dataAt, eager || realign);
        if (realign && comp == Compression.RLE && ChannelCodec.decodedSize(w, h, header.depth()) > 0) {
            PhantomPadding.requireExactRle(in, stored, h, header.psb(), dataAt);
        }
        return ch;
    }

    /** RLE is always validated (cheap, no pixels); everything is decoded now when reading eagerly. */
    static void check(PsdInput in, PsdChannel ch, byte[] stored, Compression comp, int w, int h, PsdHeader header, long dataAt, boolean eager)
            throws PsdFormatException {
        try {
            if (comp == Compression.RAW && stored.length < ChannelCodec.decodedSize(w, h, header.depth())) {
                throw new CorruptDataException("raw data has " + stored.length + " bytes, needs " + ChannelCodec.decodedSize(w, h, header.depth()), 0);
            }
            if (comp == Compression.RLE) ChannelCodec.validateRle(stored, w, h, header.depth(), header.psb());
        } catch (CorruptDataException e) {
            throw in.fail(e.getMessage(), dataAt + e.relativeOffset());
        }
        if (eager) ch.decodeAndKeep();
    }

    /**
     * Writes count, records and channel data (no length field; the caller owns the section). Records
     * go out with placeholder channel lengths; channels are then encoded ahead on the pool, written in
     * order and their lengths patched.
     */
    static void write(PsdOutput out, boolean present, List<PsdLayer> layers, boolean negativeCount, Padding padding, boolean psb,
                      PsdWriteOptions options) {
        if (!present && layers.isEmpty()) return;
        long start = out.length();
        out.u16(negativeCount ? -layers.size() : layers.size());
        List<Long> lengthAt = new ArrayList<>();
        List<Function<ChannelEncoder.Scratch, PsdChannel.Encoded>> encodings = new ArrayList<>();
        for (PsdLayer l : layers) {
            for (long at : LayerRecordCodec.write(out, l, psb)) lengthAt.add(at);
            for (PsdChannel c : l.channels()) encodings.add(scratch -> c.encoded(options.compression(), !options.reencode(), psb, scratch));
        }
        int[] next = {0};
        ChannelEncoder.inOrder(out.scratch(), encodings, e -> {
            out.u16(e.compression().code());
            out.bytes(e.data(), 0, e.length());
            out.patchLength(lengthAt.get(next[0]++), 2L + e.length(), psb);
        });
        padding.write(out, out.length() - start);
    }
}
