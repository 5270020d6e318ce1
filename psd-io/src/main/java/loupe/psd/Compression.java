// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Channel compression codes (spec: "0 = Raw, 1 = RLE, 2 = ZIP without prediction, 3 = ZIP with prediction"). */
public enum Compression {
    RAW, RLE, ZIP, ZIP_PREDICTION;

    public int code() { return ordinal(); }

    /** The compression for a code, or null if the code is not 0-3. */
    public static Compression ofCode(int code) {
        return code >= 0 && code < 4 ? values()[code] : null;
    }
}
