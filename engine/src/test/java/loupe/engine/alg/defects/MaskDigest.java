// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import java.util.zip.CRC32;
import loupe.engine.image.GrayU16;

/** A mask's fingerprint for pinning tests: set-pixel count and CRC-32 of the samples, row by row. */
public final class MaskDigest {
  private MaskDigest() {}

  /** {@code "count/crc"}, with count the pixels &gt; 0 and crc over every sample (big-endian). */
  public static String of(GrayU16 mask) {
    CRC32 crc = new CRC32();
    byte[] row = new byte[2 * mask.width];
    long count = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        int v = mask.get(x, y);
        count += v > 0 ? 1 : 0;
        row[2 * x] = (byte) (v >>> 8);
        row[2 * x + 1] = (byte) v;
      }
      crc.update(row);
    }
    return count + "/" + Long.toHexString(crc.getValue());
  }
}
