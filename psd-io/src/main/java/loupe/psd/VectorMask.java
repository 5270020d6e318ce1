// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** A layer's vector mask ({@code vmsk} or {@code vsms} block): version, flags, path in normalised units. */
public record VectorMask(int version, int flags, PathData path) {
    public static final int INVERT = 0x1;
    public static final int NOT_LINKED = 0x2;
    public static final int DISABLED = 0x4;

    public boolean inverted() { return (flags & INVERT) != 0; }

    public boolean disabled() { return (flags & DISABLED) != 0; }

    /** Parses a block's data; null if it is too short to hold version and flags. */
    static VectorMask parse(byte[] data) {
        if (data.length < 8) return null;
        int version = ((data[0] & 0xFF) << 24) | ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        int flags = ((data[4] & 0xFF) << 24) | ((data[5] & 0xFF) << 16) | ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
        return new VectorMask(version, flags, PathData.parse(data, 8, data.length - 8));
    }

    /** Block data: version, flags, path records. */
    public byte[] toBlockData() {
        PsdOutput out = new PsdOutput();
        out.u32(version);
        out.u32(flags);
        path.write(out);
        return out.toByteArray();
    }
}
