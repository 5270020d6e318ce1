// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * ResolutionInfo (resource 1005): horizontal and vertical resolution in pixels per inch as Photoshop
 * stores them (16.16 fixed), with the display units (1 = pixels per inch, 2 = pixels per cm).
 */
public record Resolution(double horizontalPpi, int horizontalUnit, double verticalPpi, int verticalUnit) {
    /** The largest resolution the resource's 16.16 fixed-point fields hold. */
    public static final double MAX_PPI = 32767;

    /**
     * Pixels per inch, shown in pixels per inch, as Photoshop records a picture it opens at that resolution.
     *
     * @throws IllegalArgumentException outside 0 (exclusive) to {@link #MAX_PPI}
     */
    public static Resolution ofPpi(double horizontal, double vertical) {
        if (!(horizontal > 0 && horizontal <= MAX_PPI && vertical > 0 && vertical <= MAX_PPI)) {
            throw new IllegalArgumentException("resolution " + horizontal + " × " + vertical + " ppi is not in (0, " + MAX_PPI + "]");
        }
        return new Resolution(horizontal, 1, vertical, 1);
    }

    /** The resource's 16 bytes: each resolution 16.16 fixed, its display unit, and inches for the size unit. */
    byte[] toBytes() {
        byte[] d = new byte[16];
        long h = Math.round(horizontalPpi * 65536);
        long v = Math.round(verticalPpi * 65536);
        for (int i = 0; i < 4; i++) {
            d[i] = (byte) (h >>> (24 - 8 * i));
            d[8 + i] = (byte) (v >>> (24 - 8 * i));
        }
        d[5] = (byte) horizontalUnit;
        d[7] = 1;
        d[13] = (byte) verticalUnit;
        d[15] = 1;
        return d;
    }

    static Resolution parse(byte[] d) {
        if (d.length < 16) return null;
        return new Resolution(PsdLayer.readU32(d, 0) / 65536.0, ((d[4] & 0xFF) << 8) | (d[5] & 0xFF),
                PsdLayer.readU32(d, 8) / 65536.0, ((d[12] & 0xFF) << 8) | (d[13] & 0xFF));
    }
}
