// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;

/**
 * Layer mask / adjustment layer data of a layer record: the user mask's bounds, default colour and
 * flags, optional density/feather parameters, and the "real" user mask (the combination of vector
 * and pixel masks) when present. Real files store the real fields before the parameters, against
 * the spec's order (as psd-tools and ag-psd read them).
 */
public record LayerMask(int top, int left, int bottom, int right, int defaultColor, int flags,
                        Integer userDensity, Double userFeather, Integer vectorDensity, Double vectorFeather,
                        RealMask real) {
    public static final int POSITION_RELATIVE = 0x01;
    public static final int DISABLED = 0x02;
    public static final int INVERT = 0x04;
    public static final int FROM_RENDERING = 0x08;
    public static final int HAS_PARAMETERS = 0x10;

    /** The "real user mask" fields: flags, background, bounds. */
    public record RealMask(int flags, int defaultColor, int top, int left, int bottom, int right) {}

    /** A plain user mask with these bounds and default colour (0 or 255), enabled. */
    public static LayerMask of(int top, int left, int bottom, int right, int defaultColor) {
        return new LayerMask(top, left, bottom, right, defaultColor, 0, null, null, null, null, null);
    }

    public int width() { return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) right - left)); }

    public int height() { return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) bottom - top)); }

    public boolean disabled() { return (flags & DISABLED) != 0; }

    public boolean inverted() { return (flags & INVERT) != 0; }

    /** Parses the data of a mask section (without its length); the input is positioned at its start. */
    static LayerMask read(PsdInput in, int length) throws IOException {
        long start = in.position();
        long end = start + length;
        if (length < 18) throw in.fail("layer mask data of " + length + " bytes is shorter than the 18 needed");
        int top = in.s32(), left = in.s32(), bottom = in.s32(), right = in.s32();
        requireEnclosing("user mask", top, left, bottom, right, in, start);
        int color = in.u8();
        int flags = in.u8();
        RealMask real = null;
        if (length >= 36) {
            int rf = in.u8();
            int rc = in.u8();
            long realStart = in.position();
            real = new RealMask(rf, rc, in.s32(), in.s32(), in.s32(), in.s32());
            requireEnclosing("real user mask", real.top(), real.left(), real.bottom(), real.right(), in, realStart);
        }
        Integer ud = null, vd = null;
        Double uf = null, vf = null;
        if ((flags & HAS_PARAMETERS) != 0 && end - in.position() >= 1) {
            // Spec: "Mask Parameters bit flags: bit 0 user mask density, 1 byte; bit 1 user mask feather, 8 byte double;
            // bit 2 vector mask density, 1 byte; bit 3 vector mask feather, 8 bytes double"
            int p = in.u8();
            if ((p & 1) != 0 && end - in.position() >= 1) ud = in.u8();
            if ((p & 2) != 0 && end - in.position() >= 8) uf = Double.longBitsToDouble(in.u64Raw());
            if ((p & 4) != 0 && end - in.position() >= 1) vd = in.u8();
            if ((p & 8) != 0 && end - in.position() >= 8) vf = Double.longBitsToDouble(in.u64Raw());
        }
        return new LayerMask(top, left, bottom, right, color, flags, ud, uf, vd, vf, real);
    }

    /**
     * Spec: "Rectangle enclosing layer mask: Top, left, bottom, right". An inverted one encloses
     * nothing and leaves the mask channel without a size. Unlike inverted layer bounds (which
     * Photoshop writes for empty fill layers), no known writer produces one, so it is a damaged
     * record: refused, naming the field, rather than guessed into a mask that hides or shows all.
     */
    private static void requireEnclosing(String what, int top, int left, int bottom, int right, PsdInput in, long offset)
            throws IOException {
        if (bottom < top || right < left) {
            throw in.fail(what + " rectangle (top " + top + ", left " + left + ", bottom " + bottom + ", right " + right
                    + ") is inverted", offset);
        }
    }

    /**
     * Writes the data of a mask section (without its length), padded to a multiple of 4 and at least 20
     * bytes. Readers take 36 bytes or more as holding the real-mask fields, so without them the data
     * stays under 36: 33 to 35 bytes of parameters go unpadded, and more (density and feather of both
     * masks) cannot be stored.
     *
     * @throws IllegalArgumentException for parameters that need the real-mask fields this mask lacks
     */
    void write(PsdOutput out) {
        int size = 18 + (hasParameters() ? 1 + (userDensity != null ? 1 : 0) + (userFeather != null ? 8 : 0)
                + (vectorDensity != null ? 1 : 0) + (vectorFeather != null ? 8 : 0) : 0);
        if (real == null && size >= 36) {
            throw new IllegalArgumentException("layer mask data of " + size + " bytes cannot be stored without its real-mask "
                    + "fields (readers take 36 bytes or more as holding them): drop a density or a feather");
        }
        long start = out.length();
        out.u32(top);
        out.u32(left);
        out.u32(bottom);
        out.u32(right);
        out.u8(defaultColor);
        int f = flags & ~HAS_PARAMETERS;
        boolean params = hasParameters();
        out.u8(params ? f | HAS_PARAMETERS : f);
        if (real != null) {
            out.u8(real.flags());
            out.u8(real.defaultColor());
            out.u32(real.top());
            out.u32(real.left());
            out.u32(real.bottom());
            out.u32(real.right());
        }
        if (params) {
            out.u8((userDensity != null ? 1 : 0) | (userFeather != null ? 2 : 0) | (vectorDensity != null ? 4 : 0) | (vectorFeather != null ? 8 : 0));
            if (userDensity != null) out.u8(userDensity);
            if (userFeather != null) out.u64(Double.doubleToLongBits(userFeather));
            if (vectorDensity != null) out.u8(vectorDensity);
            if (vectorFeather != null) out.u64(Double.doubleToLongBits(vectorFeather));
        }
        long n = out.length() - start;
        out.zeros(n < 20 ? (int) (20 - n) : real == null && n + PsdOutput.padding(n, 4) >= 36 ? 0 : PsdOutput.padding(n, 4));
    }

    private boolean hasParameters() {
        return userDensity != null || userFeather != null || vectorDensity != null || vectorFeather != null;
    }
}
