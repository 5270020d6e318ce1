// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackBitsTest {
    /** Naive PackBits decoder straight from TN1023, as the oracle. */
    private static byte[] naiveDecode(byte[] src, int n) {
        byte[] out = new byte[n];
        int o = 0;
        for (int i = 0; i < src.length && o < n; ) {
            int h = src[i++];
            if (h >= 0) for (int k = 0; k <= h; k++) out[o++] = src[i++];
            else if (h != -128) {
                byte v = src[i++];
                for (int k = 0; k < 1 - h; k++) out[o++] = v;
            }
        }
        assertThat(o).isEqualTo(n);
        return out;
    }

    @Test
    void rows_of_every_kind_round_trip_and_stay_within_the_worst_case() {
        Random r = new Random(3);
        for (int t = 0; t < 3000; t++) {
            int n = 1 + r.nextInt(t % 10 == 0 ? 2000 : 300);
            byte[] row = new byte[n];
            int mode = t % 4;
            for (int i = 0; i < n; i++) {
                row[i] = (byte) (mode == 0 ? r.nextInt(256) : mode == 1 ? r.nextInt(3) : mode == 2 ? i / (1 + r.nextInt(9)) : (i / 200));
            }
            byte[] enc = new byte[PackBits.maxEncoded(n)];
            int len = PackBits.encodeRow(row, 0, n, enc, 0);
            assertThat(len).isLessThanOrEqualTo(PackBits.maxEncoded(n));
            byte[] exact = java.util.Arrays.copyOf(enc, len);
            assertThat(naiveDecode(exact, n)).isEqualTo(row);
            byte[] fast = new byte[n];
            assertThat(PackBits.decodeRow(exact, 0, len, fast, 0, n)).isEqualTo(n);
            assertThat(fast).isEqualTo(row);
        }
    }

    /** Byte-at-a-time encoder (runs of 3+, or 2 at the row end; literals up to 128 that stop before a triple), as the oracle. */
    private static byte[] naiveEncode(byte[] src) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int end = src.length;
        for (int i = 0; i < end; ) {
            int run = 1;
            while (i + run < end && run < 128 && src[i + run] == src[i]) run++;
            if (run >= 3 || (run == 2 && i + 2 == end)) {
                out.write(1 - run);
                out.write(src[i]);
                i += run;
                continue;
            }
            int start = i;
            int limit = Math.min(end - 2, start + 128);
            while (i < limit && !(src[i] == src[i + 1] && src[i] == src[i + 2])) i++;
            if (i >= limit) i = Math.min(end, start + 128);
            out.write(i - start - 1);
            out.write(src, start, i - start);
        }
        return out.toByteArray();
    }

    /** The word-at-a-time run and triple scans give exactly the byte-at-a-time encoding (the bytes Loupe always wrote). */
    @Test
    void encoding_matches_the_byte_at_a_time_oracle() {
        Random r = new Random(11);
        for (int t = 0; t < 4000; t++) {
            int n = 1 + r.nextInt(t % 7 == 0 ? 1500 : 70);
            byte[] row = new byte[n];
            int alphabet = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) row[i] = (byte) (t % 3 == 0 ? r.nextInt(256) : r.nextInt(alphabet) + (i / 37));
            byte[] enc = new byte[PackBits.maxEncoded(n) + 5];
            int len = PackBits.encodeRow(row, 0, n, enc, 5);
            assertThat(java.util.Arrays.copyOfRange(enc, 5, 5 + len)).isEqualTo(naiveEncode(row));
        }
    }

    @Test
    void overflowing_runs_are_cut_and_short_rows_reported() {
        byte[] gimp = {(byte) -63, 7}; // a run of 64 for a 32-byte row, as GIMP writes
        byte[] out = new byte[32];
        assertThat(PackBits.decodeRow(gimp, 0, 2, out, 0, 32)).isEqualTo(32);
        assertThat(PackBits.decodeRow(new byte[] {3, 1, 2}, 0, 3, out, 0, 32)).isNegative();
        assertThat(PackBits.decodeRow(new byte[] {(byte) -3, 9}, 0, 2, out, 0, 32)).isEqualTo(4);
    }
}
