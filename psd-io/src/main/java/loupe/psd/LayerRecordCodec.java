// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One layer record: bounds, channel list, blend fields, then the extra data (mask, blending ranges, name, tagged blocks). */
final class LayerRecordCodec {
    /** Channel id and stored length (including the 2-byte compression code) from the record. */
    record ChannelInfo(int id, long length) {}

    /**
     * A layer whose channels are not read yet, with the channel list from its record, its declared
     * extra-data length, and how many non-zero bytes were taken as padding after its last block.
     */
    record Pending(PsdLayer layer, List<ChannelInfo> channels, LayerMask mask, long extraLength, int suspectPadding) {}

    private LayerRecordCodec() {}

    /** {@code giveBack}: bytes the extra data is shorter than declared (a re-aligned reading, {@link PhantomPadding}). */
    static Pending read(PsdInput in, boolean psb, int giveBack) throws IOException {
        int top = in.s32(), left = in.s32(), bottom = in.s32(), right = in.s32();
        // Inverted bounds occur (psd-tools' vector-mask samples); they mean an empty layer, as psd-tools reads them.
        // A layer may reach past the canvas, but not be longer than any canvas may be: that is a damaged
        // record, not a file too large for the memory budget.
        if ((long) bottom - top > PsdHeader.PSB_MAX_SIDE || (long) right - left > PsdHeader.PSB_MAX_SIDE) {
            throw in.fail("layer bounds (top " + top + ", left " + left + ", bottom " + bottom + ", right " + right
                    + ") make it " + ((long) right - left) + "×" + ((long) bottom - top) + " pixels, longer than the "
                    + PsdHeader.PSB_MAX_SIDE + " a side of any PSD or PSB may be", in.position() - 16);
        }
        int count = in.u16();
        in.require((long) count * (psb ? 10 : 6), count + " channel entries");
        List<ChannelInfo> infos = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int id = in.s16();
            long len = in.length(psb);
            infos.add(new ChannelInfo(id, len));
        }
        String sig = in.key();
        // Spec: "Blend mode signature: '8BIM'"
        if (!Keys.SIG_8BIM.equals(sig) && !Keys.SIG_8B64.equals(sig)) throw in.fail("blend mode signature '" + printable(sig) + "' is not '8BIM'", in.position() - 4);
        String blend = in.key();
        int opacity = in.u8(), clipping = in.u8(), flags = in.u8(), filler = in.u8();
        long declared = in.u32();
        long extraLength = declared - giveBack;
        in.push("extra data");
        in.require(extraLength);
        long extraStart = in.position();
        byte[] raw = in.bytes(extraLength);
        PsdInput extra = in.sub(raw, extraStart);
        long end = extra.end();

        extra.push("layer mask data");
        long maskLength = extra.u32();
        extra.require(maskLength);
        long maskStart = extra.position();
        byte[] maskRaw = extra.bytes(maskLength);
        LayerMask mask = null;
        if (maskLength > 0) {
            PsdInput m = extra.sub(maskRaw, maskStart);
            mask = LayerMask.read(m, (int) maskLength);
        }
        extra.pop();
        extra.push("blending ranges");
        long rangesLength = extra.u32();
        byte[] ranges = extra.bytes(rangesLength);
        extra.pop();

        extra.push("name");
        long nameStart = extra.position();
        int nameLength = extra.u8();
        byte[] name = extra.bytes(nameLength);
        // Spec: "Layer name: Pascal string, padded to a multiple of 4 bytes." Some writers pad less; the next signature tells.
        extra.skip(namePadding(extra, 1 + nameLength, end));
        long consumed = extra.position() - nameStart;
        extra.seek(nameStart);
        byte[] nameField = extra.bytes(consumed);
        extra.pop();

        TaggedBlocks.Run run = TaggedBlocks.read(extra, end, psb);
        in.pop();

        PsdLayer layer = new PsdLayer();
        layer.setRecord(top, left, bottom, right, sig, blend, opacity, clipping, flags, filler);
        layer.setStoredExtras(mask, maskRaw, ranges, PascalStrings.decode(name), nameField, run.blocks(), run.trailing(), List.of());
        return new Pending(layer, infos, mask, declared, suspectPadding(raw, run));
    }

    private static int namePadding(PsdInput in, int fieldLength, long end) throws IOException {
        int spec = PsdOutput.padding(fieldLength, 4);
        long pos = in.position();
        if (pos + spec == end || (pos + spec < end && Keys.isBlockSignature(in.peekKey(pos + spec)))) return spec;
        for (int p = 0; p <= 3; p++) {
            if (pos + p == end || (pos + p < end && Keys.isBlockSignature(in.peekKey(pos + p)))) return p;
        }
        return (int) Math.min(spec, end - pos);
    }

    /** Padding after the last block is zeros; non-zero bytes there may be channel data the declared length swallowed. */
    private static int suspectPadding(byte[] raw, TaggedBlocks.Run run) {
        if (run.blocks().isEmpty() || run.trailing().length > 0) return 0;
        int padding = run.blocks().get(run.blocks().size() - 1).padding();
        for (int i = raw.length - padding; i < raw.length; i++) if (raw[i] != 0) return padding;
        return 0;
    }

    private static String printable(String s) { return s.replaceAll("[^\\x20-\\x7E]", "?"); }

    /** Size of a channel's pixels: the layer bounds, or the mask / real mask bounds for ids -2 / -3. */
    static int[] channelSize(int id, PsdLayer layer, LayerMask mask) {
        if (id == PsdChannel.USER_MASK) return mask == null ? new int[] {0, 0} : new int[] {mask.width(), mask.height()};
        if (id == PsdChannel.REAL_USER_MASK) {
            if (mask == null || mask.real() == null) return new int[] {0, 0};
            LayerMask.RealMask r = mask.real();
            return new int[] {(int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) r.right() - r.left())),
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) r.bottom() - r.top()))};
        }
        return new int[] {layer.width(), layer.height()};
    }

    /** Writes a record with placeholder channel data lengths; returns where each one is, to patch once the data is written. */
    static long[] write(PsdOutput out, PsdLayer l, boolean psb) {
        out.u32(l.top());
        out.u32(l.left());
        out.u32(l.bottom());
        out.u32(l.right());
        List<PsdChannel> ch = l.channels();
        out.u16(ch.size());
        long[] lengthAt = new long[ch.size()];
        for (int i = 0; i < ch.size(); i++) {
            out.u16(ch.get(i).id());
            lengthAt[i] = out.length();
            out.length(0, psb);
        }
        out.key(l.blendSignature());
        out.key(l.recordBlendMode());
        out.u8(l.opacity());
        out.u8(l.clippingByte());
        out.u8(l.flags());
        out.u8(l.filler());
        out.section(false, 1, true, extra -> {
            if (l.maskRaw() != null) {
                extra.u32(l.maskRaw().length);
                extra.bytes(l.maskRaw());
            } else if (l.userMask() == null) {
                extra.u32(0);
            } else {
                extra.section(false, 1, true, l.userMask()::write);
            }
            extra.u32(l.blendingRanges().length);
            extra.bytes(l.blendingRanges());
            if (l.nameField() != null) {
                extra.bytes(l.nameField());
            } else {
                byte[] name = PascalStrings.encode(l.pascalName());
                extra.u8(name.length);
                extra.bytes(name);
                extra.zeros(PsdOutput.padding(1 + name.length, 4));
            }
            TaggedBlocks.write(extra, l.blocks(), l.blocksTrailing(), psb);
        });
        return lengthAt;
    }
}
