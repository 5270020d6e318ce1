// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * One layer as the compositor sees it: colour bands at {@code bounds} (document space), an
 * optional transparency and an optional user mask (both at the same bounds; null = opaque), a
 * blend mode, an opacity 0..255 and visibility. Images are Not modified by compositing.
 */
public record CompositeLayer(
    Planar pixels, GrayU16 alpha, GrayU16 mask, Rect bounds, BlendMode blend, int opacity, boolean visible) {
  public CompositeLayer {
    if (pixels.width != bounds.width() || pixels.height != bounds.height()) {
      throw new IllegalArgumentException("layer pixels " + pixels + " do not match bounds " + bounds);
    }
    if (opacity < 0 || opacity > 255) {
      throw new IllegalArgumentException("opacity " + opacity + " outside 0..255");
    }
  }

  /** Effective coverage (alpha × mask × opacity) of layer pixel (x, y), 0..65535. */
  public int coverage(int x, int y) {
    long a = alpha == null ? 65535 : alpha.get(x, y);
    if (mask != null) {
      a = (a * mask.get(x, y) + 32767) / 65535;
    }
    return (int) ((a * opacity * 257 + 32767) / 65535);
  }
}
