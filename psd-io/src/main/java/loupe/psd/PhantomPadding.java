// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * The reader's one re-alignment. A writer (the Rust psd crate's luni fixture) counted a tagged
 * block's padding in the last layer record's extra-data length, and in the layer info length, but
 * never wrote it: the record's last bytes are then the start of the channel data, and every
 * channel is read that many bytes late. The strict reading fails; the reader then reads the main
 * layer info again with those bytes given back to the channel data, and keeps that reading only
 * if it validates exactly (see {@link #requireExactRle}, LayerInfo and LayerAndMaskSection).
 */
final class PhantomPadding {
    /** Non-zero bytes (1-3) the strict pass took as padding after the last record's last block; 0 = none. */
    int suspect;
    /** Second pass: the last record and the layer info are {@link #suspect} bytes shorter than declared. */
    boolean realign;
    /** Declared lengths, for the correction note. */
    long declaredExtra;
    long declaredInfo;

    /** Bytes to take off the last record's extra data in this pass. */
    int giveBack() { return realign ? suspect : 0; }

    String note() {
        return "the last layer record declares " + declaredExtra + " bytes of extra data but holds " + (declaredExtra - suspect)
                + ", and the layer info declares " + declaredInfo + " bytes but holds " + (declaredInfo - suspect) + " (" + suspect
                + " bytes of padding counted, never written); read re-aligned, written with the corrected lengths";
    }

    /** Re-aligned channels must account for every byte: the RLE row byte counts add up to the stored length exactly. */
    static void requireExactRle(PsdInput in, byte[] stored, int height, boolean psb, long dataAt) throws PsdFormatException {
        int countBytes = psb ? 4 : 2;
        long total = (long) countBytes * height;
        for (int y = 0; y < height; y++) {
            long c = 0;
            for (int b = 0; b < countBytes; b++) c = c << 8 | (stored[y * countBytes + b] & 0xFF);
            total += c;
        }
        if (total != stored.length) {
            throw in.fail("re-aligned RLE channel: row counts cover " + total + " of its " + stored.length + " bytes", dataAt);
        }
    }
}
