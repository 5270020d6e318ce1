// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.UncheckedIOException;

/**
 * One channel of a layer or of the composite: id (0.. colour, -1 transparency, -2 user mask, -3 real
 * user mask, composite channels numbered 0..n-1), size and depth, and its pixels. A channel read from
 * a file keeps its compressed bytes so an unchanged channel is written back byte for byte; its
 * pixels are decoded on demand. Channels are immutable: to change pixels, make a new one with
 * {@link #of} and put it on the layer.
 */
public final class PsdChannel {
    public static final int TRANSPARENCY = -1;
    public static final int USER_MASK = -2;
    public static final int REAL_USER_MASK = -3;

    private final int id;
    private final int width;
    private final int height;
    private final int depth;
    private final Compression compression;
    /** Dropped (null) once an eager read has decoded the pixels. */
    private volatile byte[] stored;
    private final boolean storedPsb;
    private final String fileName;
    /** Where the channel lies in the file (its record and channel), for a message about its data. */
    private final String section;
    private final long fileOffset;
    private volatile byte[] decoded;
    /** True once stored ZIP bytes were found to inflate to the channel's size ({@link #stored}). */
    private volatile boolean zipChecked;

    private PsdChannel(int id, int width, int height, int depth, Compression compression, byte[] stored, boolean storedPsb,
                       String fileName, String section, long fileOffset, byte[] decoded) {
        if (width < 0 || height < 0) throw new IllegalArgumentException("negative channel size " + width + "x" + height);
        if (depth != 1 && depth != 8 && depth != 16 && depth != 32) throw new IllegalArgumentException("depth " + depth);
        this.id = id;
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.compression = compression;
        this.stored = stored;
        this.storedPsb = storedPsb;
        this.fileName = fileName;
        this.section = section;
        this.fileOffset = fileOffset;
        this.decoded = decoded;
    }

    /**
     * A channel with new pixels: planar big-endian samples, {@code width*height*depth/8} bytes
     * (1-bit rows padded to whole bytes). The array is kept, not copied: do not modify it afterwards.
     */
    public static PsdChannel of(int id, int width, int height, int depth, byte[] decoded) {
        long need = ChannelCodec.decodedSize(width, height, depth);
        if (decoded == null || decoded.length != need) {
            throw new IllegalArgumentException("channel " + id + " needs " + need + " bytes for " + width + "x" + height + "x" + depth
                    + ", got " + (decoded == null ? "null" : decoded.length));
        }
        return new PsdChannel(id, width, height, depth, null, null, false, null, null, -1, decoded);
    }

    /**
     * A channel as stored in a file (bytes after the compression code, starting at {@code fileOffset});
     * {@code section} names where (the reader's section path), for an error found when it is decoded.
     */
    static PsdChannel stored(int id, int width, int height, int depth, Compression compression, byte[] stored, boolean psb,
                             String fileName, String section, long fileOffset) {
        return new PsdChannel(id, width, height, depth, compression, stored, psb, fileName, section, fileOffset, null);
    }

    public int id() { return id; }

    public int width() { return width; }

    public int height() { return height; }

    public int depth() { return depth; }

    /** Compression of the stored bytes; null for a new channel that has not been written yet. */
    public Compression compression() { return compression; }

    /** True if this channel still holds the compressed bytes it was read with (lazy reading). */
    public boolean isStored() { return stored != null; }

    /**
     * The pixels: planar big-endian samples, row after row. Decoded on each call for a channel read
     * lazily (keep the result); the same array for new or eagerly decoded channels. Do not modify it.
     *
     * @throws UncheckedIOException wrapping a {@link PsdFormatException} if the stored data is corrupt
     */
    public byte[] decoded() {
        byte[] d = decoded;
        if (d != null) return d;
        try {
            return decode();
        } catch (PsdFormatException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes and keeps the pixels, and lets go of the compressed bytes (eager reading), so a document
     * read eagerly holds its pixels once. Such a channel is encoded anew when written: the same
     * pixels, not necessarily the same bytes.
     */
    void decodeAndKeep() throws PsdFormatException {
        if (decoded == null) decoded = decode();
        stored = null;
    }

    private byte[] decode() throws PsdFormatException {
        try {
            byte[] pixels = ChannelCodec.decode(compression, stored, width, height, depth, storedPsb);
            zipChecked = true; // decoded whole: writing the bytes back needs no second inflate
            return pixels;
        } catch (CorruptDataException e) {
            throw corrupt(e);
        }
    }

    private PsdFormatException corrupt(CorruptDataException e) {
        return new PsdFormatException(fileName, section + " (" + compression + ")", fileOffset + e.relativeOffset(), e.getMessage());
    }

    /** Size of the decoded pixels in bytes. */
    public long decodedSize() { return ChannelCodec.decodedSize(width, height, depth); }

    /**
     * Stored bytes for a layer channel in a PSD or PSB file: the original bytes when they fit and
     * {@code keepStored} (or they already are in the compression asked for), else newly encoded in
     * {@code preferred} (ZIP with prediction instead of RLE for 32-bit PSD rows, whose RLE byte counts
     * may not fit 16 bits).
     */
    Encoded encoded(Compression preferred, boolean keepStored, boolean psb, ChannelEncoder.Scratch scratch) {
        Compression c = preferred == Compression.RLE && !psb && depth == 32 ? Compression.ZIP_PREDICTION : preferred;
        Encoded kept = keepStored ? stored(compression, psb) : stored(c, psb);
        return kept != null ? kept : ChannelCodec.encode(c, decoded(), width, height, depth, psb, scratch);
    }

    /** Stored bytes in exactly compression {@code c}: the original bytes if they are that, else newly encoded. */
    Encoded encodedAs(Compression c, boolean psb, ChannelEncoder.Scratch scratch) {
        Encoded kept = stored(c, psb);
        return kept != null ? kept : ChannelCodec.encode(c, decoded(), width, height, depth, psb, scratch);
    }

    /**
     * The original bytes if they are in compression {@code c} and fit a PSD or PSB file (RLE row counts
     * differ); else null. ZIP bytes are checked first (once): a read checks RLE but does not inflate,
     * and a file written with bytes no reader can inflate would be a broken output reported as done.
     *
     * @throws UncheckedIOException wrapping a {@link PsdFormatException} naming the input's offset
     */
    private Encoded stored(Compression c, boolean psb) {
        byte[] s = stored;
        if (s == null || compression != c || (c == Compression.RLE && storedPsb != psb)) return null;
        if (!zipChecked && (c == Compression.ZIP || c == Compression.ZIP_PREDICTION)) {
            try {
                ChannelCodec.validateZip(s, width, height, depth);
            } catch (CorruptDataException e) {
                throw new UncheckedIOException(corrupt(e));
            }
            zipChecked = true;
        }
        return new Encoded(c, s, s.length, false);
    }

    /**
     * Compression code and stored bytes ready to write: the first {@code length} bytes of {@code data}.
     * {@code scratch}: data is a {@link ChannelEncoder.Scratch} array, reused once written.
     */
    record Encoded(Compression compression, byte[] data, int length, boolean scratch) {}

    @Override
    public String toString() {
        return "PsdChannel[id=" + id + " " + width + "x" + height + "x" + depth + (compression == null ? " new" : " " + compression) + "]";
    }
}
