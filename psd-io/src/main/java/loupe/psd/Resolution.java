// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * ResolutionInfo (resource 1005): horizontal and vertical resolution in pixels per inch as Photoshop
 * stores them (16.16 fixed), with the display units (1 = pixels per inch, 2 = pixels per cm).
 */
public record Resolution(double horizontalPpi, int horizontalUnit, double verticalPpi, int verticalUnit) {
    static Resolution parse(byte[] d) {
        if (d.length < 16) return null;
        return new Resolution(PsdLayer.readU32(d, 0) / 65536.0, ((d[4] & 0xFF) << 8) | (d[5] & 0xFF),
                PsdLayer.readU32(d, 8) / 65536.0, ((d[12] & 0xFF) << 8) | (d[13] & 0xFF));
    }
}
