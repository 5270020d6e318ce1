// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Pascal strings (a length byte, then bytes). Photoshop writes Mac Roman; every byte maps to one char and back. */
final class PascalStrings {
    private static final Charset MAC_ROMAN = macRoman();

    private PascalStrings() {}

    private static Charset macRoman() {
        try {
            return Charset.forName("x-MacRoman");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    static String decode(byte[] bytes) { return new String(bytes, MAC_ROMAN); }

    /** Encodes for a Pascal field; characters without a Mac Roman byte become '?', and at most 255 bytes are kept. */
    static byte[] encode(String s) {
        byte[] b = s.getBytes(MAC_ROMAN);
        if (b.length <= 255) return b;
        byte[] cut = new byte[255];
        System.arraycopy(b, 0, cut, 0, 255);
        return cut;
    }
}
