// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Big-endian writer that collects small fields in its own buffer and large arrays by reference, so a
 * section's length is known before it is written and pixel data is never copied.
 */
final class PsdOutput {
    private static final int BY_REFERENCE = 4096;
    private record Chunk(byte[] data, int offset, int length) {}

    private final List<Chunk> chunks = new ArrayList<>();
    private byte[] cur = new byte[256];
    private int curLen;
    private long length;

    /** Writes a section body into a buffer of its own. */
    interface Body {
        void write(PsdOutput out);
    }

    long length() { return length; }

    private void ensure(int n) {
        if (curLen + n > cur.length) {
            byte[] bigger = new byte[Math.max(cur.length * 2, curLen + n)];
            System.arraycopy(cur, 0, bigger, 0, curLen);
            cur = bigger;
        }
    }

    private void flushCurrent() {
        if (curLen > 0) {
            chunks.add(new Chunk(cur, 0, curLen));
            cur = new byte[256];
            curLen = 0;
        }
    }

    void u8(int v) {
        ensure(1);
        cur[curLen++] = (byte) v;
        length++;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
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
        if (wide) u64(v); else u32(v);
    }

    void key(String four) { bytes(Keys.bytes(four)); }

    void zeros(int n) {
        for (int i = 0; i < n; i++) u8(0);
    }

    /** Appends {@code data}; large arrays are kept by reference and must not change afterwards. */
    void bytes(byte[] data) { bytes(data, data.length); }

    void bytes(byte[] data, int n) { bytes(data, 0, n); }

    void bytes(byte[] data, int offset, int n) {
        if (n >= BY_REFERENCE) {
            flushCurrent();
            chunks.add(new Chunk(data, offset, n));
            length += n;
        } else {
            ensure(n);
            System.arraycopy(data, offset, cur, curLen, n);
            curLen += n;
            length += n;
        }
    }

    void append(PsdOutput other) {
        other.flushCurrent();
        flushCurrent();
        chunks.addAll(other.chunks);
        length += other.length;
    }

    /**
     * Writes a length-prefixed section: the length field ({@code wide} = 8 bytes), the body, then zero
     * padding up to a multiple of {@code padTo}. {@code lengthCountsPadding} says whether the stored
     * length includes that padding.
     */
    void section(boolean wide, int padTo, boolean lengthCountsPadding, Body body) {
        PsdOutput inner = new PsdOutput();
        body.write(inner);
        int pad = padding(inner.length, padTo);
        length(inner.length + (lengthCountsPadding ? pad : 0), wide);
        append(inner);
        zeros(pad);
    }

    static int padding(long n, int padTo) {
        return padTo <= 1 ? 0 : (int) ((padTo - n % padTo) % padTo);
    }

    void writeTo(OutputStream os) throws IOException {
        flushCurrent();
        for (Chunk c : chunks) os.write(c.data(), c.offset(), c.length());
    }

    /** The whole content as one array (for small sections and tests). */
    byte[] toByteArray() {
        flushCurrent();
        if (length > Integer.MAX_VALUE - 16) throw new IllegalStateException("section too large for one array");
        byte[] all = new byte[(int) length];
        int p = 0;
        for (Chunk c : chunks) {
            System.arraycopy(c.data(), c.offset(), all, p, c.length());
            p += c.length();
        }
        return all;
    }
}
