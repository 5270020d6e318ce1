// SPDX-License-Identifier: Apache-2.0
package loupe.server.protocol;

import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.server.UserError;

/**
 * Raw panel buffers ↔ engine images. 8-bit samples are stored ×257; 16-bit samples are
 * little-endian and, unless {@code fullRange}, on Photoshop's 0..32768 scale, mapped to 16-bit
 * storage by rounding so that every Photoshop value survives the round trip exactly.
 */
public final class PixelCodec {
  private PixelCodec() {}

  /** Photoshop 0..32768 → storage 0..65535 (rounded). */
  public static int fromPhotoshop(int p) {
    return (p * 65535 + 16384) / 32768;
  }

  /** Storage 0..65535 → Photoshop 0..32768 (rounded); exact inverse of {@link #fromPhotoshop}. */
  public static int toPhotoshop(int s) {
    return (int) ((s * 32768L + 32767) / 65535);
  }

  /** Decodes a validated buffer into one band per component. */
  public static Planar decode(BufferDescriptor d, byte[] bytes) {
    int n = d.width() * d.height();
    int comps = d.components();
    Planar out = Planar.create(comps, d.width(), d.height());
    for (int c = 0; c < comps; c++) {
      short[] band = out.bands[c].data;
      for (int i = 0; i < n; i++) {
        int sample = d.planar() ? c * n + i : i * comps + c;
        band[i] = (short) storage(d, bytes, sample);
      }
    }
    return out;
  }

  private static int storage(BufferDescriptor d, byte[] bytes, int sample) {
    if (d.bitDepth() == 8) {
      return BitDepth.EIGHT.toStorage(bytes[sample] & 0xFF);
    }
    int v = (bytes[2 * sample] & 0xFF) | (bytes[2 * sample + 1] & 0xFF) << 8;
    if (d.fullRange()) {
      return v;
    }
    if (v > 32768) {
      throw new UserError("buffer '" + d.role() + "': 16-bit value " + v + " at sample " + sample
          + " exceeds Photoshop's 0..32768 range; send fullRange:true for 0..65535 data");
    }
    return fromPhotoshop(v);
  }

  /** Encodes bands (plus an optional extra band, e.g. alpha) chunky at the given depth and range. */
  public static byte[] encode(Planar image, GrayU16 extra, int bitDepth, boolean fullRange) {
    EncodedRows rows = rows(image, extra, bitDepth, fullRange);
    byte[] out = new byte[Math.toIntExact(rows.byteLength())];
    for (int y = 0; y < rows.height(); y++) {
      rows.encode(y, out, y * rows.rowBytes());
    }
    return out;
  }

  /** The same encoding, one row at a time on demand: a download never holds the whole buffer. */
  public static EncodedRows rows(Planar image, GrayU16 extra, int bitDepth, boolean fullRange) {
    int comps = image.numBands() + (extra == null ? 0 : 1);
    return new EncodedRows(image, extra, bitDepth, fullRange, Math.multiplyExact(image.width * comps, bitDepth / 8));
  }

  /** Chunky rows of {@code image} (and {@code extra}) at a depth and range; {@link #encode} writes row {@code y}. */
  public record EncodedRows(Planar image, GrayU16 extra, int bitDepth, boolean fullRange, int rowBytes) {
    public int height() {
      return image.height;
    }

    public long byteLength() {
      return (long) rowBytes * image.height;
    }

    public void encode(int y, byte[] out, int offset) {
      int comps = image.numBands() + (extra == null ? 0 : 1);
      int i = offset;
      for (int x = 0; x < image.width; x++) {
        for (int c = 0; c < comps; c++) {
          int s = c < image.numBands() ? image.bands[c].get(x, y) : extra.get(x, y);
          if (bitDepth == 8) {
            out[i++] = (byte) BitDepth.EIGHT.fromStorage(s);
          } else {
            int v = fullRange ? s : toPhotoshop(s);
            out[i++] = (byte) v;
            out[i++] = (byte) (v >>> 8);
          }
        }
      }
    }
  }
}
