// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** A single-layer picture (PNG, TIFF, JPEG): colour bands, optional transparency, depth, ICC profile. */
public record FlatImage(Planar color, GrayU16 alpha, BitDepth depth, byte[] iccProfile) {
  /** Pixels not fully opaque (0 without transparency). */
  public long transparentPixels() {
    long n = 0;
    for (int y = 0; alpha != null && y < alpha.height; y++) {
      for (int x = 0; x < alpha.width; x++) {
        n += alpha.get(x, y) != 65535 ? 1 : 0;
      }
    }
    return n;
  }
}
