// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * PackBits run-length rows (Apple Technical Note TN1023), as PSD's RLE compression uses them:
 * a header byte n; 0..127 copy the next n+1 bytes, -127..-1 repeat the next byte 1-n times, -128 is a no-op.
 */
final class PackBits {
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
            if (i < limit) {
                // Rolling window of three bytes: one load per step.
                byte b0 = src[i], b1 = src[i + 1];
                while (i < limit) {
                    byte b2 = src[i + 2];
                    if (b0 == b1 && b1 == b2) break;
                    b0 = b1;
                    b1 = b2;
                    i++;
                }
            }
            if (i >= limit) i = Math.min(end, start + 128);
            int len = i - start;
            dst[d++] = (byte) (len - 1);
            System.arraycopy(src, start, dst, d, len);
            d += len;
        }
        return d - dp;
    }

    private static int runLength(byte[] src, int i, int end) {
        byte v = src[i];
        int j = i + 1;
        int limit = Math.min(end, i + 128);
        while (j < limit && src[j] == v) j++;
        return j - i;
    }
}
