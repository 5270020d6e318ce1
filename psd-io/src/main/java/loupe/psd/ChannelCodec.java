// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Decodes and encodes one channel's stored data (everything after the 2-byte compression code).
 * Decoded data is planar, big-endian, {@code rowBytes(width, depth) * height} bytes.
 * RLE data is the row byte counts (2 bytes each in PSD, 4 in PSB) followed by the PackBits rows.
 */
final class ChannelCodec {
    private ChannelCodec() {}

    static long rowBytes(int width, int depth) { return depth == 1 ? (width + 7L) / 8 : (long) width * (depth / 8); }

    static long decodedSize(int width, int height, int depth) { return rowBytes(width, depth) * height; }

    static byte[] decode(Compression c, byte[] stored, int width, int height, int depth, boolean psb) throws CorruptDataException {
        long size = decodedSize(width, height, depth);
        if (size > Integer.MAX_VALUE - 16) throw new CorruptDataException("channel of " + size + " bytes is larger than one Java array", 0);
        if (c == Compression.ZIP || c == Compression.ZIP_PREDICTION) requireExpandable(stored, size);
        byte[] out = new byte[(int) size];
        if (size == 0) return out;
        switch (c) {
            case RAW:
                if (stored.length < size) throw new CorruptDataException("raw data has " + stored.length + " bytes, needs " + size, 0);
                System.arraycopy(stored, 0, out, 0, out.length);
                break;
            case RLE:
                rle(stored, out, (int) rowBytes(width, depth), height, psb);
                break;
            default:
                inflate(stored, new byte[][] {out});
                if (c == Compression.ZIP_PREDICTION) unpredict(out, width, height, depth);
        }
        return out;
    }

    /**
     * Decodes ZIP data that holds {@code planes} channels one after another (a composite) into one
     * array per channel, never one array for all of them.
     */
    static byte[][] decodePlanes(Compression c, byte[] stored, int width, int height, int depth, int planes) throws CorruptDataException {
        long size = decodedSize(width, height, depth);
        if (size > Integer.MAX_VALUE - 16) throw new CorruptDataException("channel of " + size + " bytes is larger than one Java array", 0);
        requireExpandable(stored, size * planes);
        byte[][] out = new byte[planes][(int) size];
        inflate(stored, out);
        if (c == Compression.ZIP_PREDICTION) for (byte[] p : out) unpredict(p, width, height, depth);
        return out;
    }

    /** Deflate expands at most 1032:1: data that claims more is damaged, and is refused before anything is allocated. */
    private static void requireExpandable(byte[] stored, long size) throws CorruptDataException {
        if (size > 1032L * stored.length + 64) {
            throw new CorruptDataException("ZIP data of " + stored.length + " bytes cannot hold the " + size + " bytes it should decode to", 0);
        }
    }

    /** Checks RLE data without producing pixels: counts fit, and every row decodes to exactly its width. */
    static void validateRle(byte[] stored, int width, int height, int depth, boolean psb) throws CorruptDataException {
        if (decodedSize(width, height, depth) == 0) return;
        rle(stored, null, (int) rowBytes(width, depth), height, psb);
    }

    private static void rle(byte[] stored, byte[] out, int rowBytes, int height, boolean psb) throws CorruptDataException {
        int countBytes = psb ? 4 : 2;
        long header = (long) countBytes * height;
        if (header > stored.length) {
            throw new CorruptDataException("RLE row byte counts need " + header + " bytes but the channel has " + stored.length, 0);
        }
        int sp = (int) header;
        for (int y = 0; y < height; y++) {
            int cp = y * countBytes;
            long count = psb ? ((stored[cp] & 0xFFL) << 24 | (stored[cp + 1] & 0xFF) << 16 | (stored[cp + 2] & 0xFF) << 8 | (stored[cp + 3] & 0xFF))
                    : ((stored[cp] & 0xFF) << 8 | (stored[cp + 1] & 0xFF));
            if (count > stored.length - sp) {
                throw new CorruptDataException("RLE row " + y + " needs " + count + " bytes but only " + (stored.length - sp) + " remain", cp);
            }
            int produced = PackBits.decodeRow(stored, sp, sp + (int) count, out, y * rowBytes, rowBytes);
            if (produced < 0) throw new CorruptDataException("RLE row " + y + ": a run passes the row's byte count", -1L - produced);
            if (produced < rowBytes) {
                throw new CorruptDataException("RLE row " + y + " decodes to " + produced + " bytes, needs " + rowBytes, sp);
            }
            sp += (int) count;
        }
    }

    /** Fills each of {@code outs} in turn from one deflate stream. */
    private static void inflate(byte[] stored, byte[][] outs) throws CorruptDataException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(stored);
            long total = 0;
            long wanted = 0;
            for (byte[] out : outs) wanted += out.length;
            for (byte[] out : outs) {
                int n = inflateSome(inf, out, out.length);
                total += n;
                if (n < out.length) throw new CorruptDataException("ZIP data ends after " + total + " of " + wanted + " bytes", inf.getTotalIn());
            }
        } catch (DataFormatException e) {
            throw new CorruptDataException("ZIP data is corrupt: " + e.getMessage(), inf.getTotalIn());
        } finally {
            inf.end();
        }
    }

    /**
     * Checks ZIP data without keeping its pixels: it inflates to exactly the channel's size. For
     * stored bytes written back as they are, which no read decoded.
     */
    static void validateZip(byte[] stored, int width, int height, int depth) throws CorruptDataException {
        long size = decodedSize(width, height, depth);
        if (size == 0) return;
        requireExpandable(stored, size);
        Inflater inf = new Inflater();
        byte[] buffer = new byte[(int) Math.min(size, 1 << 16)];
        try {
            inf.setInput(stored);
            long n = 0;
            while (n < size) {
                int want = (int) Math.min(buffer.length, size - n);
                int got = inflateSome(inf, buffer, want);
                n += got;
                if (got < want) throw new CorruptDataException("ZIP data ends after " + n + " of " + size + " bytes", inf.getTotalIn());
            }
        } catch (DataFormatException e) {
            throw new CorruptDataException("ZIP data is corrupt: " + e.getMessage(), inf.getTotalIn());
        } finally {
            inf.end();
        }
    }

    /** Inflates into the first {@code length} bytes of {@code out} as far as the data goes; returns how many it filled. */
    private static int inflateSome(Inflater inf, byte[] out, int length) throws DataFormatException {
        int n = 0;
        while (n < length) {
            int r = inf.inflate(out, n, length - n);
            if (r == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
            n += r;
        }
        return n;
    }

    /** Undoes ZIP prediction: per-row deltas of samples; 32-bit rows are byte planes of deltas (MSB plane first). */
    private static void unpredict(byte[] d, int width, int height, int depth) {
        int rb = (int) rowBytes(width, depth);
        if (depth == 16) {
            for (int y = 0; y < height; y++) {
                int p = y * rb;
                int prev = 0;
                for (int x = 0; x < width; x++, p += 2) {
                    prev = (prev + (((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF))) & 0xFFFF;
                    d[p] = (byte) (prev >>> 8);
                    d[p + 1] = (byte) prev;
                }
            }
            return;
        }
        byte[] row = depth == 32 ? new byte[rb] : null;
        for (int y = 0; y < height; y++) {
            int p = y * rb;
            for (int i = 1; i < rb; i++) d[p + i] += d[p + i - 1];
            if (depth == 32) {
                for (int x = 0; x < width; x++) {
                    for (int b = 0; b < 4; b++) row[x * 4 + b] = d[p + b * width + x];
                }
                System.arraycopy(row, 0, d, p, rb);
            }
        }
    }

    private static void predict(byte[] d, int width, int height, int depth) {
        int rb = (int) rowBytes(width, depth);
        if (depth == 16) {
            for (int y = 0; y < height; y++) {
                int p = y * rb + rb - 2;
                for (int x = width - 1; x > 0; x--, p -= 2) {
                    int v = (((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF)) - (((d[p - 2] & 0xFF) << 8) | (d[p - 1] & 0xFF));
                    d[p] = (byte) (v >>> 8);
                    d[p + 1] = (byte) v;
                }
            }
            return;
        }
        byte[] row = depth == 32 ? new byte[rb] : null;
        for (int y = 0; y < height; y++) {
            int p = y * rb;
            if (depth == 32) {
                for (int x = 0; x < width; x++) {
                    for (int b = 0; b < 4; b++) row[b * width + x] = d[p + x * 4 + b];
                }
                System.arraycopy(row, 0, d, p, rb);
            }
            for (int i = rb - 1; i > 0; i--) d[p + i] -= d[p + i - 1];
        }
    }

    /** Encodes a channel; RAW returns {@code decoded} itself (read-only use); RLE encodes into an array from {@code scratch}. */
    static PsdChannel.Encoded encode(Compression c, byte[] decoded, int width, int height, int depth, boolean psb, ChannelEncoder.Scratch scratch) {
        switch (c) {
            case RAW:
                return new PsdChannel.Encoded(c, decoded, decoded.length, false);
            case RLE:
                return encodeRle(decoded, (int) rowBytes(width, depth), height, psb, scratch);
            default:
                byte[] src = decoded;
                if (c == Compression.ZIP_PREDICTION && depth > 1) {
                    src = decoded.clone();
                    predict(src, width, height, depth);
                }
                byte[] z = deflate(src);
                return new PsdChannel.Encoded(c, z, z.length, false);
        }
    }

    /** Row byte counts then PackBits rows, in a worst-case-sized scratch array (not trimmed: that would copy it). */
    private static PsdChannel.Encoded encodeRle(byte[] decoded, int rowBytes, int height, boolean psb, ChannelEncoder.Scratch scratch) {
        int countBytes = psb ? 4 : 2;
        long max = (long) countBytes * height + (long) PackBits.maxEncoded(rowBytes) * height;
        if (max > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("channel too large to RLE-encode in one array");
        byte[] out = scratch.take((int) max);
        int d = countBytes * height;
        for (int y = 0; y < height; y++) {
            int n = PackBits.encodeRow(decoded, y * rowBytes, rowBytes, out, d);
            if (!psb && n > 0xFFFF) throw new IllegalArgumentException("RLE row of " + n + " bytes does not fit a PSD row count; use ZIP");
            int cp = y * countBytes;
            if (psb) {
                out[cp++] = (byte) (n >>> 24);
                out[cp++] = (byte) (n >>> 16);
            }
            out[cp++] = (byte) (n >>> 8);
            out[cp] = (byte) n;
            d += n;
        }
        return new PsdChannel.Encoded(Compression.RLE, out, d, true);
    }

    private static byte[] deflate(byte[] src) {
        Deflater def = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            def.setInput(src);
            def.finish();
            byte[] out = new byte[Math.max(64, src.length / 2)];
            int n = 0;
            while (!def.finished()) {
                if (n == out.length) out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16L, out.length * 2L));
                n += def.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            def.end();
        }
    }
}
