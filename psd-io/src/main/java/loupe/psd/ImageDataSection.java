// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Image data section: the composite. One compression code, then the channels planar; with RLE, the
 * row byte counts of all channels come first, then all rows. Each channel is kept as its own
 * counts + rows so it decodes alone and is reassembled byte for byte on write.
 */
final class ImageDataSection {
    /** Channels of the composite (empty if the file ends before it) and bytes after it. */
    record Parsed(boolean present, Compression compression, List<PsdChannel> channels, byte[] trailing) {}

    private ImageDataSection() {}

    static Parsed read(PsdInput in, PsdHeader h, boolean eager) throws IOException {
        in.push("image data");
        if (in.remaining() == 0) {
            in.pop();
            return new Parsed(false, Compression.RAW, new ArrayList<>(), new byte[0]);
        }
        long codeAt = in.position();
        int code = in.u16();
        Compression comp = Compression.ofCode(code);
        if (comp == null) throw in.fail("compression code " + code + " is not 0-3", codeAt);
        int n = h.channels();
        long rowBytes = ChannelCodec.rowBytes(h.width(), h.depth());
        long plane = rowBytes * h.height();
        List<PsdChannel> channels = new ArrayList<>(n);
        if (comp == Compression.RAW) {
            for (int c = 0; c < n; c++) {
                in.push("channel " + c);
                long at = in.position();
                byte[] data = in.bytes(plane);
                channels.add(stored(in, c, h, comp, data, at, eager));
                in.pop();
            }
        } else if (comp == Compression.RLE) {
            int cb = h.psb() ? 4 : 2;
            in.require((long) cb * h.height() * n, "RLE row byte counts of " + n + " channels");
            byte[][] counts = new byte[n][];
            long[] sums = new long[n];
            for (int c = 0; c < n; c++) {
                counts[c] = in.bytes((long) cb * h.height());
                for (int y = 0; y < h.height(); y++) sums[c] += cb == 4 ? PsdLayer.readU32(counts[c], y * 4)
                        : ((counts[c][y * 2] & 0xFF) << 8 | (counts[c][y * 2 + 1] & 0xFF));
            }
            for (int c = 0; c < n; c++) {
                in.push("channel " + c);
                long at = in.position();
                in.require(sums[c], "RLE rows");
                if (sums[c] > Integer.MAX_VALUE - 16 - counts[c].length) throw in.fail("RLE channel of " + sums[c] + " bytes is larger than one Java array");
                byte[] data = new byte[counts[c].length + (int) sums[c]];
                System.arraycopy(counts[c], 0, data, 0, counts[c].length);
                in.readInto(data, counts[c].length, (int) sums[c]);
                channels.add(stored(in, c, h, comp, data, at - counts[c].length, eager));
                in.pop();
            }
        } else {
            long at = in.position();
            byte[] all = in.bytes(in.remaining());
            byte[][] planes;
            try {
                planes = ChannelCodec.decodePlanes(comp, all, h.width(), h.height(), h.depth(), n);
            } catch (CorruptDataException e) {
                throw in.fail(e.getMessage(), at + e.relativeOffset());
            }
            for (int c = 0; c < n; c++) channels.add(PsdChannel.of(c, h.width(), h.height(), h.depth(), planes[c]));
        }
        byte[] trailing = in.bytes(in.remaining());
        in.pop();
        return new Parsed(true, comp, channels, trailing);
    }

    private static PsdChannel stored(PsdInput in, int id, PsdHeader h, Compression comp, byte[] data, long at, boolean eager) throws IOException {
        PsdChannel ch = PsdChannel.stored(id, h.width(), h.height(), h.depth(), comp, data, h.psb(), in.fileName(), in.sectionPath(), at);
        LayerInfo.check(in, ch, data, comp, h.width(), h.height(), h, at, eager);
        return ch;
    }

    /**
     * Writes the composite. {@code requested} null keeps stored RAW or RLE channels as they are (else
     * RLE); otherwise every channel is encoded anew: RAW if asked, else RLE, because PSD readers
     * (TwelveMonkeys among them) take the composite only raw or RLE, and Photoshop writes it so. RLE
     * rows of a wide 32-bit PSD would overflow their 16-bit byte counts and go RAW.
     */
    static void write(PsdOutput out, List<PsdChannel> channels, boolean psb, int depth, int width, Compression requested) {
        boolean wide32 = !psb && depth == 32 && width > 16000;
        Compression keep = channels.isEmpty() ? Compression.RAW : channels.get(0).compression();
        boolean reuse = requested == null && (keep == Compression.RAW || keep == Compression.RLE);
        for (PsdChannel c : channels) reuse &= c.isStored() && c.compression() == keep;
        Compression comp = reuse ? keep : requested == Compression.RAW || wide32 ? Compression.RAW : Compression.RLE;
        out.u16(comp.code());
        // RLE: the row byte counts of all channels come first; each channel's are filled in once it is encoded.
        int countsLength = comp == Compression.RLE ? (psb ? 4 : 2) * (channels.isEmpty() ? 0 : channels.get(0).height()) : 0;
        long countsAt = out.length();
        out.zeros(countsLength * channels.size());
        List<Function<ChannelEncoder.Scratch, PsdChannel.Encoded>> encodings = new ArrayList<>(channels.size());
        for (PsdChannel c : channels) encodings.add(scratch -> c.encodedAs(comp, psb, scratch));
        int[] next = {0};
        ChannelEncoder.inOrder(out.scratch(), encodings, e -> {
            out.writeAt(countsAt + (long) next[0]++ * countsLength, e.data(), 0, countsLength);
            out.bytes(e.data(), countsLength, e.length() - countsLength);
        });
    }
}
