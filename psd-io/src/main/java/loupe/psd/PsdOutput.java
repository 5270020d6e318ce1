// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Big-endian writer, into memory (small blocks) or straight into a file. Section lengths are
 * written as placeholders and patched once the body is known ({@link #section}, {@link #patchLength}),
 * so nothing but a small buffer and the array being written is held: pixel data goes to the file
 * without a copy. File errors surface as {@link UncheckedIOException}.
 */
final class PsdOutput {
    /** Arrays at least this long bypass the buffer. */
    private static final int DIRECT = 1 << 16;
    private static final int FILE_BUFFER = 1 << 20;

    private final FileChannel file;
    /** Arrays for encoded channels, shared by every section of one output. */
    private final ChannelEncoder.Scratch scratch = new ChannelEncoder.Scratch();
    private byte[] buf;
    private int bufLen;
    /** Bytes already in the file; the buffer holds what follows. */
    private long flushed;

    /** Writes a section body. */
    interface Body {
        void write(PsdOutput out);
    }

    /** An in-memory output ({@link #toByteArray}). */
    PsdOutput() {
        this.file = null;
        this.buf = new byte[256];
    }

    /** An output that writes into {@code file} from its current position on; call {@link #flush} at the end. */
    PsdOutput(FileChannel file) {
        this.file = file;
        this.buf = new byte[FILE_BUFFER];
    }

    long length() { return flushed + bufLen; }

    ChannelEncoder.Scratch scratch() { return scratch; }

    private void ensure(int n) {
        if (bufLen + n <= buf.length) return;
        if (file != null) {
            flush();
            if (n <= buf.length) return;
        }
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(buf.length * 2L, (long) bufLen + n)));
    }

    /** Sends the buffer to the file (no-op in memory). */
    void flush() {
        if (file == null || bufLen == 0) return;
        writeToFile(buf, 0, bufLen, flushed);
        flushed += bufLen;
        bufLen = 0;
    }

    /** In slices of the buffer's size: the JDK copies a heap buffer into a direct one of the same size per write. */
    private void writeToFile(byte[] data, int offset, int n, long at) {
        try {
            for (int done = 0; done < n; ) {
                ByteBuffer bb = ByteBuffer.wrap(data, offset + done, Math.min(FILE_BUFFER, n - done));
                while (bb.hasRemaining()) {
                    int w = file.write(bb, at + done);
                    done += w;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void u8(int v) {
        ensure(1);
        buf[bufLen++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[bufLen++] = (byte) (v >>> 8);
        buf[bufLen++] = (byte) v;
    }

    void u32(long v) {
        u16((int) (v >>> 16));
        u16((int) v);
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    /** The PSB rule in one place: PSB widens this length field to 8 bytes. */
    void length(long v, boolean wide) {
        if (wide) u64(v); else u32(checkedNarrow(v));
    }

    private static long checkedNarrow(long v) {
        if (v > 0xFFFFFFFFL) throw new IllegalStateException("a length of " + v + " bytes does not fit a 4-byte field; save as PSB");
        return v;
    }

    void key(String four) { bytes(Keys.bytes(four)); }

    void zeros(int n) {
        for (int left = n; left > 0; ) {
            ensure(Math.min(left, FILE_BUFFER));
            int k = Math.min(left, buf.length - bufLen);
            Arrays.fill(buf, bufLen, bufLen + k, (byte) 0);
            bufLen += k;
            left -= k;
        }
    }

    void bytes(byte[] data) { bytes(data, 0, data.length); }

    void bytes(byte[] data, int offset, int n) {
        if (file != null && n >= DIRECT) {
            flush();
            writeToFile(data, offset, n, flushed);
            flushed += n;
            return;
        }
        ensure(n);
        System.arraycopy(data, offset, buf, bufLen, n);
        bufLen += n;
    }

    /** Overwrites {@code n} bytes already written, at absolute position {@code at} (a placeholder). */
    void writeAt(long at, byte[] data, int offset, int n) {
        if (at < 0 || at + n > length()) throw new IllegalArgumentException("patch at " + at + "+" + n + " outside the " + length() + " bytes written");
        if (at < flushed && at + n > flushed) flush();
        if (at >= flushed) System.arraycopy(data, offset, buf, (int) (at - flushed), n);
        else writeToFile(data, offset, n, at);
    }

    /** Fills in a length field written earlier as a placeholder by {@link #length}. */
    void patchLength(long at, long v, boolean wide) {
        int size = wide ? 8 : 4;
        long x = wide ? v : checkedNarrow(v);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (x >>> (8 * (size - 1 - i)));
        writeAt(at, b, 0, size);
    }

    /**
     * Writes a length-prefixed section: the length field ({@code wide} = 8 bytes), the body, then zero
     * padding up to a multiple of {@code padTo}. {@code lengthCountsPadding} says whether the stored
     * length includes that padding. The length is patched in after the body, whose length is returned.
     */
    long section(boolean wide, int padTo, boolean lengthCountsPadding, Body body) {
        long at = length();
        length(0, wide);
        long start = length();
        body.write(this);
        long n = length() - start;
        int pad = padding(n, padTo);
        zeros(pad);
        patchLength(at, n + (lengthCountsPadding ? pad : 0), wide);
        return n;
    }

    static int padding(long n, int padTo) {
        return padTo <= 1 ? 0 : (int) ((padTo - n % padTo) % padTo);
    }

    /** The whole content of an in-memory output. */
    byte[] toByteArray() {
        if (file != null) throw new IllegalStateException("a file output has no array");
        return Arrays.copyOf(buf, bufLen);
    }
}
