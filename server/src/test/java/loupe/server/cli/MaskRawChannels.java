// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deliberately small, independent reading of a PSD's composite channel (test oracle, not Loupe's
 * reader): header, then skip the colour mode data, image resources and layer sections by their
 * lengths, then the image data section — raw, or RLE (all row byte counts first, then PackBits rows).
 */
final class MaskRawChannels {
  private MaskRawChannels() {}

  /** Channel {@code index} of the composite of a version-1 PSD as big-endian samples. */
  static byte[] channel(Path psd, int index) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(psd)))) {
      if (in.readInt() != 0x38425053 || in.readUnsignedShort() != 1) {
        throw new IOException(psd + ": not a version-1 PSD");
      }
      in.skipNBytes(6);
      int channels = in.readUnsignedShort();
      int height = in.readInt();
      int width = in.readInt();
      int bytesPerSample = in.readUnsignedShort() / 8;
      in.skipNBytes(2);
      for (int section = 0; section < 3; section++) {
        in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
      }
      int compression = in.readUnsignedShort();
      int rowBytes = width * bytesPerSample;
      byte[] out = new byte[rowBytes * height];
      if (compression == 0) {
        in.skipNBytes((long) index * out.length);
        in.readFully(out);
        return out;
      }
      if (compression != 1) {
        throw new IOException(psd + ": composite compression " + compression);
      }
      int[] counts = new int[channels * height];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = in.readUnsignedShort();
      }
      for (int i = 0; i < index * height; i++) {
        in.skipNBytes(counts[i]);
      }
      for (int y = 0; y < height; y++) {
        byte[] packed = in.readNBytes(counts[index * height + y]);
        unpack(packed, out, y * rowBytes, rowBytes);
      }
      return out;
    }
  }

  /** PackBits: n in 0..127 copies n+1 bytes, n in −127..−1 repeats the next byte 1−n times, −128 is skipped. */
  private static void unpack(byte[] packed, byte[] out, int at, int length) throws IOException {
    int p = 0;
    int o = at;
    while (p < packed.length) {
      int n = packed[p++];
      if (n >= 0) {
        System.arraycopy(packed, p, out, o, n + 1);
        p += n + 1;
        o += n + 1;
      } else if (n != -128) {
        java.util.Arrays.fill(out, o, o + 1 - n, packed[p++]);
        o += 1 - n;
      }
    }
    if (o != at + length) {
      throw new IOException("PackBits row decodes to " + (o - at) + " bytes, expected " + length);
    }
  }
}
