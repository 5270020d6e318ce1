// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * PackBits run-length rows (Apple Technical Note TN1023), as PSD's RLE compression uses them:
 * a header byte n; 0..127 copy the next n+1 bytes, -127..-1 repeat the next byte 1-n times, -128 is a no-op.
 */
final class PackBits {
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private PackBits() {}

    /**
     * Decodes one row of {@code rowBytes} into {@code dst[dp..]}. Runs that go past the row end are cut
     * (GIMP writes such rows). Returns the number of bytes produced (less than rowBytes means a short
     * row), or -1 - offset if a run needs bytes past {@code srcEnd}.
     */
    static int decodeRow(byte[] src, int sp, int srcEnd, byte[] dst, int dp, int rowBytes) {
        int d = dp;
        int dEnd = dp + rowBytes;
        while (sp < srcEnd) {
            int n = src[sp++];
            if (n >= 0) {
                int len = n + 1;
                if (sp + len > srcEnd) return -1 - (sp - 1);
                int copy = Math.min(len, dEnd - d);
                if (dst != null) {
                    // Short runs dominate photographic data; a plain loop beats arraycopy's call overhead there.
                    if (copy <= 16) {
                        for (int k = 0; k < copy; k++) dst[d + k] = src[sp + k];
                    } else {
                        System.arraycopy(src, sp, dst, d, copy);
                    }
                }
                d += copy;
                sp += len;
            } else if (n != -128) {
                if (sp >= srcEnd) return -1 - (sp - 1);
                int end = Math.min(d + 1 - n, dEnd);
                if (dst != null) {
                    byte v = src[sp];
                    for (int k = d; k < end; k++) dst[k] = v;
                }
                sp++;
                d = end;
            }
        }
        return d - dp;
    }

    /** Worst case encoded size of a row: one header byte per 128 literal bytes. */
    static int maxEncoded(int rowBytes) { return rowBytes + (rowBytes + 127) / 128; }

    /** Encodes {@code src[sp..sp+n)} into {@code dst[dp..]}; returns the number of bytes written. */
    static int encodeRow(byte[] src, int sp, int n, byte[] dst, int dp) {
        int d = dp;
        int end = sp + n;
        int i = sp;
        while (i < end) {
            int run = runLength(src, i, end);
            if (run >= 3 || (run == 2 && i + 2 == end)) {
                dst[d++] = (byte) (1 - run);
                dst[d++] = src[i];
                i += run;
                continue;
            }
            int start = i;
            // A literal ends before three equal bytes (worth a run) or at 128 bytes.
            int limit = Math.min(end - 2, start + 128);
            i = firstTriple(src, i, limit);
            if (i >= limit) i = Math.min(end, start + 128);
            int len = i - start;
            dst[d++] = (byte) (len - 1);
            System.arraycopy(src, start, dst, d, len);
            d += len;
        }
        return d - dp;
    }

    /** Length of the run of equal bytes at {@code i}, at most 128 and not past {@code end}; eight bytes per step. */
    private static int runLength(byte[] src, int i, int end) {
        byte v = src[i];
        int j = i + 1;
        int limit = Math.min(end, i + 128);
        long pattern = (v & 0xFFL) * ONES;
        for (; j + 8 <= limit; j += 8) {
            long diff = (long) BIG_ENDIAN_LONG.get(src, j) ^ pattern;
            if (diff != 0) return j + (Long.numberOfLeadingZeros(diff) >>> 3) - i;
        }
        while (j < limit && src[j] == v) j++;
        return j - i;
    }

    /**
     * The first {@code k} in {@code [i, limit)} with {@code src[k] == src[k+1] == src[k+2]}, or
     * {@code limit}; {@code limit + 2} must be inside {@code src}. Eight positions per step: a byte of
     * (w ^ w1) | (w ^ w2) is zero exactly where a triple starts (w, w1, w2 = the words at k, k+1, k+2).
     */
    private static int firstTriple(byte[] src, int i, int limit) {
        for (; i + 8 <= limit; i += 8) {
            long w = (long) BIG_ENDIAN_LONG.get(src, i);
            long e = (w ^ (long) BIG_ENDIAN_LONG.get(src, i + 1)) | (w ^ (long) BIG_ENDIAN_LONG.get(src, i + 2));
            // Exact zero-byte test (no carries between bytes): high bit set only in the zero bytes.
            long zero = ~(((e & LOW7) + LOW7) | e | LOW7);
            if (zero != 0) return i + (Long.numberOfLeadingZeros(zero) >>> 3);
        }
        while (i < limit && !(src[i] == src[i + 1] && src[i] == src[i + 2])) i++;
        return i;
    }
}
