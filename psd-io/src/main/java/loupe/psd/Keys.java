// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Four-character codes of the PSD format, kept in one place. */
final class Keys {
    static final String FILE_SIGNATURE = "8BPS";
    static final String SIG_8BIM = "8BIM";
    static final String SIG_8B64 = "8B64";

    static final String UNICODE_NAME = "luni";
    static final String LAYER_ID = "lyid";
    static final String LOCKS = "lspf";
    static final String SECTION_DIVIDER = "lsct";
    static final String VECTOR_MASK = "vmsk";
    static final String VECTOR_MASK_CS6 = "vsms";
    static final String LAYER_16 = "Lr16";
    static final String LAYER_32 = "Lr32";

    /**
     * Keys whose length field is 8 bytes in PSB (spec "Additional Layer Information": "LMsk, Lr16,
     * Lr32, Layr, Mt16, Mt32, Mtrn, Alph, FMsk, lnk2, FEid, FXid, PxSD"; cinf as observed by ag-psd).
     */
    private static final Set<String> WIDE_IN_PSB = Set.of("LMsk", "Lr16", "Lr32", "Layr", "Mt16", "Mt32",
            "Mtrn", "Alph", "FMsk", "lnk2", "FEid", "FXid", "PxSD", "cinf");

    private Keys() {}

    static boolean wideLength(String key, boolean psb) { return psb && WIDE_IN_PSB.contains(key); }

    /**
     * The signature a block is written with: "8B64" marks an 8-byte length, which a PSD does not
     * have, so a PSB's "8B64" block becomes "8BIM" in a PSD (readers take the signature at its word).
     */
    static String signatureIn(String signature, boolean psb) { return psb ? signature : SIG_8BIM; }

    static boolean isBlockSignature(String s) { return SIG_8BIM.equals(s) || SIG_8B64.equals(s); }

    static String text(byte[] four) { return new String(four, StandardCharsets.ISO_8859_1); }

    static byte[] bytes(String four) {
        byte[] b = four.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) throw new IllegalArgumentException("not a four-character code: '" + four + "'");
        return b;
    }
}
