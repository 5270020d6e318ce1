// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/**
 * Document bit depth. Samples are always stored 16-bit; 8-bit values are stored ×257 so that
 * {@code fromStorage(toStorage(v)) == v} for every 8-bit v, and 0 and 255 map to 0 and 65535.
 */
public enum BitDepth {
  EIGHT(8),
  SIXTEEN(16);

  public final int bits;

  BitDepth(int bits) {
    this.bits = bits;
  }

  public static BitDepth of(int bits) {
    return switch (bits) {
      case 8 -> EIGHT;
      case 16 -> SIXTEEN;
      default -> throw new IllegalArgumentException("unsupported bit depth " + bits + " (8 or 16)");
    };
  }

  public int maxValue() {
    return this == EIGHT ? 255 : 65535;
  }

  /** A document value (0..255 or 0..65535) to 16-bit storage. */
  public int toStorage(int value) {
    return this == EIGHT ? value * 257 : value;
  }

  /** Rounds every sample of {@code plane} to the nearest value this depth can hold. Modified. */
  public void quantize(GrayU16 plane) {
    if (this == SIXTEEN) {
      return;
    }
    for (int y = 0; y < plane.height; y++) {
      int row = plane.startIndex + y * plane.stride;
      for (int x = 0; x < plane.width; x++) {
        int v = plane.data[row + x] & 0xFFFF;
        plane.data[row + x] = (short) (((v + 128) / 257) * 257);
      }
    }
  }

  /** 16-bit storage to the nearest document value; exact inverse of {@link #toStorage}. */
  public int fromStorage(int stored) {
    return this == EIGHT ? (stored + 128) / 257 : stored;
  }
}
