// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The "24 MP 16-bit" shot of the size-bound workloads: a scene upscaled bilinearly to a long side
 * (aspect kept), or the scene itself when the long side is 0.
 *
 * @param image RGB, 16-bit values
 * @param mask the scene's truth mask, upscaled alike (65535 = jewelry)
 * @param description size and origin, for the table
 */
public record LargeShot(Planar image, GrayU16 mask, String description) {

  public static LargeShot of(Scene s, int longSide) {
    if (longSide == 0) {
      return new LargeShot(s.input(), s.mask(), s.width() + "×" + s.height() + " (" + s.name() + ")");
    }
    double scale = (double) longSide / Math.max(s.width(), s.height());
    int w = (int) Math.round(s.width() * scale);
    int h = (int) Math.round(s.height() * scale);
    return new LargeShot(Resample.bilinear(s.input(), w, h), Resample.bilinear(s.mask(), w, h),
        String.format("%d×%d (%s ×%.2f)", w, h, s.name(), scale));
  }

  public long pixels() {
    return (long) image.width * image.height;
  }
}
