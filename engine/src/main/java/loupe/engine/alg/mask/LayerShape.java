// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * The protected (jewelry) layer as {@link LayerMaskSource} needs it, in document coordinates. The
 * server maps PSD data to it: channel −1 to {@code transparency}, −2 (or −3 when a vector mask
 * also exists) to the user mask, {@code vmsk}/{@code vsms} to the vector mask. Planes are 16-bit
 * storage (8-bit documents ×257).
 *
 * @param bounds the layer's pixel bounds; may reach beyond the canvas or start at negative offsets
 * @param transparency layer-bounds-sized alpha, or null for a layer without transparency (opaque
 *     within its bounds)
 * @param userMask the pixel mask, or null
 * @param vectorMask the vector mask, or null
 */
public record LayerShape(Rect bounds, GrayU16 transparency, UserMask userMask, VectorMask vectorMask) {
  public LayerShape {
    if (bounds == null) {
      throw new IllegalArgumentException("layer bounds are null");
    }
    if (transparency != null && (transparency.width != bounds.width() || transparency.height != bounds.height())) {
      throw new IllegalArgumentException("layer transparency is " + transparency.width + "×" + transparency.height
          + " but the layer bounds " + bounds + " are " + bounds.width() + "×" + bounds.height());
    }
  }

  /** The mask flags that change how a mask is applied (PSD mask flags bit 1 and the invert bit). */
  public record MaskFlags(boolean disabled, boolean inverted) {
    public static final MaskFlags NONE = new MaskFlags(false, false);
  }

  /**
   * A user (pixel) mask: {@code plane} covers {@code bounds} in document space; outside it the mask
   * is {@code defaultColor} (0 or 255, as stored in PSD).
   */
  public record UserMask(GrayU16 plane, Rect bounds, int defaultColor, MaskFlags flags) {
    public UserMask {
      if (plane == null || bounds == null || flags == null) {
        throw new IllegalArgumentException("user mask plane, bounds and flags are required");
      }
      if (plane.width != bounds.width() || plane.height != bounds.height()) {
        throw new IllegalArgumentException("user mask plane is " + plane.width + "×" + plane.height
            + " but its bounds " + bounds + " are " + bounds.width() + "×" + bounds.height());
      }
      if (defaultColor != 0 && defaultColor != 255) {
        throw new IllegalArgumentException("user mask default colour must be 0 or 255, got " + defaultColor);
      }
    }
  }

  /** A vector mask: the path is in document pixel coordinates. */
  public record VectorMask(PathGeometry path, MaskFlags flags) {
    public VectorMask {
      if (path == null || flags == null) {
        throw new IllegalArgumentException("vector mask path and flags are required");
      }
    }
  }
}
