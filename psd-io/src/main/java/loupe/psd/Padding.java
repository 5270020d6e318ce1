// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * What followed a section's content up to its declared end: zero padding to a multiple of 1, 2 or 4
 * (writers differ), or bytes that are not padding, kept verbatim.
 */
record Padding(int multiple, byte[] verbatim) {
    static final Padding NONE = new Padding(1, new byte[0]);

    /** Infers the rule from the content length and the bytes that followed it. */
    static Padding infer(long contentLength, byte[] after) {
        boolean zeros = true;
        for (byte b : after) zeros &= b == 0;
        if (zeros) {
            if (after.length == 0) return NONE;
            if (after.length == PsdOutput.padding(contentLength, 2)) return new Padding(2, new byte[0]);
            if (after.length == PsdOutput.padding(contentLength, 4)) return new Padding(4, new byte[0]);
        }
        return new Padding(1, after);
    }

    void write(PsdOutput out, long contentLength) {
        out.bytes(verbatim);
        out.zeros(PsdOutput.padding(contentLength + verbatim.length, multiple));
    }
}
