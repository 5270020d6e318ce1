// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * What followed a section's content up to its declared end: zero padding to a multiple of 1, 2 or 4
 * (writers differ), or bytes that are not padding, kept verbatim. The rule, not the byte count, is
 * kept, and content whose length changed is padded to at least 2: the spec's lengths are even, and
 * a reused count gave odd ones that other readers misread.
 *
 * @param readLength the content's length when read (-1 for a new section): content still that long
 *     is padded as it was, so a file from a writer that ignores the rule round-trips byte for byte
 */
record Padding(int multiple, byte[] verbatim, long readLength) {
    /** The spec's rule, for a new section: "rounded up to an even byte count". */
    static final Padding EVEN = new Padding(2, new byte[0], -1);

    /** Infers the rule from the content length and the bytes that followed it. */
    static Padding infer(long contentLength, byte[] after) {
        boolean zeros = true;
        for (byte b : after) zeros &= b == 0;
        if (zeros) {
            if (after.length == PsdOutput.padding(contentLength, 2)) return new Padding(2, new byte[0], contentLength);
            if (after.length == PsdOutput.padding(contentLength, 4)) return new Padding(4, new byte[0], contentLength);
        }
        return new Padding(1, after, contentLength);
    }

    void write(PsdOutput out, long contentLength) {
        int m = contentLength == readLength ? multiple : Math.max(2, multiple);
        out.bytes(verbatim);
        out.zeros(PsdOutput.padding(contentLength + verbatim.length, m));
    }
}
