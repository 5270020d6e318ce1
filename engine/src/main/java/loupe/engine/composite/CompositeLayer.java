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
    // coverageRow indexes these arrays directly: a smaller plane would read its neighbour's pixels.
    requireSize("alpha", alpha, bounds);
    requireSize("mask", mask, bounds);
    if (opacity < 0 || opacity > 255) {
      throw new IllegalArgumentException("opacity " + opacity + " outside 0..255");
    }
  }

  private static void requireSize(String what, GrayU16 plane, Rect bounds) {
    if (plane != null && (plane.width != bounds.width() || plane.height != bounds.height())) {
      throw new IllegalArgumentException("layer " + what + " " + plane.width + "×" + plane.height + " does not match bounds " + bounds);
    }
  }

  /** Effective coverage (alpha × mask × opacity) of layer pixel (x, y), 0..65535. */
  public int coverage(int x, int y) {
    return combined(alpha == null ? 65535 : alpha.get(x, y), mask == null ? 65535 : mask.get(x, y));
  }

  /** {@link #coverage(int, int)} of the {@code n} layer pixels from (x, y) along the row, into {@code out[0..n)}. */
  public void coverageRow(int x, int y, int n, int[] out) {
    if (x < 0 || n < 0 || x + n > bounds.width() || y < 0 || y >= bounds.height() || out.length < n) {
      throw new IndexOutOfBoundsException("row of " + n + " from (" + x + ", " + y + ") outside " + bounds);
    }
    int ai = alpha == null ? 0 : alpha.index(x, y);
    int mi = mask == null ? 0 : mask.index(x, y);
    for (int i = 0; i < n; i++) {
      out[i] = combined(alpha == null ? 65535 : alpha.data[ai + i] & 0xFFFF, mask == null ? 65535 : mask.data[mi + i] & 0xFFFF);
    }
  }

  /**
   * A mask of 65535 and an opacity of 255 leave the value as it is ((v·65535 + 32767) / 65535 = v),
   * so those common cases skip the divisions.
   */
  private int combined(long a, long m) {
    long masked = m == 65535 ? a : (a * m + 32767) / 65535;
    return opacity == 255 ? (int) masked : (int) ((masked * opacity * 257 + 32767) / 65535);
  }
}
