// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Colour mode of the file header, with the code the spec gives it. */
public enum ColorMode {
    BITMAP(0), GRAYSCALE(1), INDEXED(2), RGB(3), CMYK(4), MULTICHANNEL(7), DUOTONE(8), LAB(9);

    private final int code;

    ColorMode(int code) { this.code = code; }

    public int code() { return code; }

    /** The mode for a header code, or null if the code is not one of the spec's. */
    public static ColorMode ofCode(int code) {
        for (ColorMode m : values()) if (m.code == code) return m;
        return null;
    }

    /** Number of colour channels a layer or composite of this mode has (without alpha). */
    public int colorChannels() {
        switch (this) {
            case RGB: case LAB: return 3;
            case CMYK: return 4;
            default: return 1;
        }
    }
}
