// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Big-endian reader over a file (buffered window) or a byte array, that checks every read against
 * the end and names the current section in its errors. Offsets are absolute file offsets.
 */
final class PsdInput {
    private static final int WINDOW = 1 << 16;
    private final String fileName;
    private final FileChannel channel;
    private final long base;
    private final long size;
    private final Deque<String> sections;
    private byte[] buf;
    private long bufStart;
    private int bufLen;
    private long pos;

    private PsdInput(String fileName, FileChannel channel, byte[] array, long base, long size, Deque<String> sections) {
        this.fileName = fileName;
        this.channel = channel;
        this.base = base;
        this.size = size;
        this.sections = sections;
        this.buf = array == null ? new byte[WINDOW] : array;
        this.bufStart = array == null ? 0 : base;
        this.bufLen = array == null ? 0 : array.length;
        this.pos = base;
    }

    static PsdInput ofFile(String fileName, FileChannel channel) throws IOException {
        return new PsdInput(fileName, channel, null, 0, channel.size(), new ArrayDeque<>());
    }

    static PsdInput ofBytes(String fileName, byte[] data) {
        return new PsdInput(fileName, null, data, 0, data.length, new ArrayDeque<>());
    }

    /** A reader over bytes that were read at absolute offset {@code base}; shares the section names. */
    PsdInput sub(byte[] data, long base) {
        return new PsdInput(fileName, null, data, base, data.length, sections);
    }

    String fileName() { return fileName; }

    long position() { return pos; }

    /** Absolute end offset of this input. */
    long end() { return base + size; }

    long remaining() { return base + size - pos; }

    void seek(long absolute) throws PsdFormatException {
        if (absolute < base || absolute > end()) throw fail("seek to " + absolute + " outside the data", pos);
        pos = absolute;
    }

    /** Back to the start, no section open: for reading the input a second time. */
    void restart() {
        pos = base;
        sections.clear();
    }

    void push(String section) { sections.addLast(section); }

    void pop() { sections.removeLast(); }

    String sectionPath() { return String.join(" / ", sections); }

    PsdFormatException fail(String problem) { return fail(problem, pos); }

    PsdFormatException fail(String problem, long offset) {
        return new PsdFormatException(fileName, sectionPath(), offset, problem);
    }

    /** Checks that {@code n} bytes can be read from here; the error names what needed them. */
    void require(long n, String what) throws PsdFormatException {
        if (n < 0 || n > remaining()) throw fail(what + ": " + shortOf(n));
    }

    /** Checks that the current section's {@code n} bytes can be read from here (the section names them). */
    void require(long n) throws PsdFormatException {
        if (n < 0 || n > remaining()) throw fail(shortOf(n));
    }

    private String shortOf(long n) {
        return "needs " + n + " bytes but only " + remaining() + " remain (truncated or wrong length)";
    }

    private void fill(int n) throws IOException {
        require(n, "reading a field");
        if (pos >= bufStart && pos + n <= bufStart + bufLen) return;
        if (channel == null) throw fail("internal: array window miss");
        ByteBuffer bb = ByteBuffer.wrap(buf);
        bufStart = pos;
        bufLen = 0;
        long want = Math.min(WINDOW, end() - pos);
        while (bb.position() < want) {
            int r = channel.read(bb, pos + bb.position());
            if (r < 0) throw fail("file shrank while reading");
        }
        bufLen = bb.position();
    }

    int u8() throws IOException {
        fill(1);
        return buf[(int) (pos++ - bufStart)] & 0xFF;
    }

    int u16() throws IOException {
        fill(2);
        int i = (int) (pos - bufStart);
        pos += 2;
        return ((buf[i] & 0xFF) << 8) | (buf[i + 1] & 0xFF);
    }

    int s16() throws IOException { return (short) u16(); }

    int s32() throws IOException {
        fill(4);
        int i = (int) (pos - bufStart);
        pos += 4;
        return ((buf[i] & 0xFF) << 24) | ((buf[i + 1] & 0xFF) << 16) | ((buf[i + 2] & 0xFF) << 8) | (buf[i + 3] & 0xFF);
    }

    long u32() throws IOException { return s32() & 0xFFFFFFFFL; }

    long u64() throws IOException {
        long hi = u32();
        long lo = u32();
        if (hi > 0x7FFFFFFFL) throw fail("64-bit length " + Long.toUnsignedString((hi << 32) | lo) + " is negative", pos - 8);
        return (hi << 32) | lo;
    }

    /** Eight bytes as a long, any bit pattern (for doubles). */
    long u64Raw() throws IOException { return (u32() << 32) | u32(); }

    /** The PSB rule in one place: PSB widens this length field to 8 bytes. */
    long length(boolean wide) throws IOException { return wide ? u64() : u32(); }

    String key() throws IOException { return Keys.text(bytes(4)); }

    byte[] bytes(long n) throws IOException {
        require(n, "a block of " + n + " bytes");
        if (n > Integer.MAX_VALUE - 16) throw fail("block of " + n + " bytes is larger than one Java array");
        byte[] out = new byte[(int) n];
        readInto(out, 0, out.length);
        return out;
    }

    /** Reads exactly {@code n} bytes into {@code out[off..]}. */
    void readInto(byte[] out, int off, int n) throws IOException {
        require(n, "a block of " + n + " bytes");
        if (channel == null || (pos >= bufStart && pos + n <= bufStart + bufLen)) {
            System.arraycopy(buf, (int) (pos - bufStart), out, off, n);
        } else {
            ByteBuffer bb = ByteBuffer.wrap(out, off, n);
            long at = pos;
            while (bb.hasRemaining()) {
                int r = channel.read(bb, at);
                if (r < 0) throw fail("file shrank while reading");
                at += r;
            }
        }
        pos += n;
    }

    void skip(long n) throws PsdFormatException {
        require(n, "skipping");
        pos += n;
    }

    /** Peeks 4 bytes at an absolute offset without moving; null if past the end. */
    String peekKey(long at) throws IOException {
        if (at < base || at + 4 > end()) return null;
        long saved = pos;
        pos = at;
        String k = key();
        pos = saved;
        return k;
    }
}
