// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;

/** File header section (26 bytes). */
record PsdHeader(int version, byte[] reserved, int channels, int height, int width, int depth, ColorMode mode) {
    static final int PSD_MAX_SIDE = 30_000;
    static final int PSB_MAX_SIDE = 300_000;

    boolean psb() { return version == 2; }

    static PsdHeader read(PsdInput in) throws IOException {
        in.push("file header");
        in.require(26);
        if (!Keys.FILE_SIGNATURE.equals(in.key())) throw in.fail("signature is not '8BPS': not a PSD/PSB file", 0);
        int version = in.u16();
        // Spec: "Version: always equal to 1 ... (**PSB** version is 2.)"
        if (version != 1 && version != 2) throw in.fail("version " + version + " is not 1 (PSD) or 2 (PSB)", 4);
        byte[] reserved = in.bytes(6);
        int channels = in.u16();
        // Spec: "The number of channels in the image, including any alpha channels. Supported range is 1 to 56."
        if (channels < 1 || channels > 56) throw in.fail("channel count " + channels + " is not 1-56", 12);
        long height = in.u32();
        long width = in.u32();
        int max = version == 2 ? PSB_MAX_SIDE : PSD_MAX_SIDE;
        if (height < 1 || height > max) throw in.fail("height " + height + " is not 1-" + max, 14);
        if (width < 1 || width > max) throw in.fail("width " + width + " is not 1-" + max, 18);
        int depth = in.u16();
        if (depth != 1 && depth != 8 && depth != 16 && depth != 32) {
            throw in.fail("bit depth " + depth + " is not 1, 8, 16 or 32", 22);
        }
        int modeCode = in.u16();
        ColorMode mode = ColorMode.ofCode(modeCode);
        if (mode == null) throw in.fail("colour mode " + modeCode + " is not one of 0-4, 7-9", 24);
        if (channels < mode.colorChannels()) {
            throw in.fail("channel count " + channels + " is fewer than the " + mode.colorChannels() + " colour channels of " + mode, 12);
        }
        in.pop();
        return new PsdHeader(version, reserved, channels, (int) height, (int) width, depth, mode);
    }

    void write(PsdOutput out) {
        out.key(Keys.FILE_SIGNATURE);
        out.u16(version);
        out.bytes(reserved);
        out.u16(channels);
        out.u32(height);
        out.u32(width);
        out.u16(depth);
        out.u16(mode.code());
    }
}
