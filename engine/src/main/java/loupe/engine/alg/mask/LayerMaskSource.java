// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.alg.mask.LayerShape.UserMask;
import loupe.engine.alg.mask.LayerShape.VectorMask;
import loupe.engine.alg.mask.impl.MaskMath;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Rect;

/**
 * Product mask from the protected layer: P = transparency × user mask × vector mask (exact 16-bit
 * products), placed in document space. Outside the layer's bounds the layer has no pixels, so P
 * is 0 there whatever the masks say. A disabled mask is ignored; an inverted mask is applied as
 * 1 − mask, including its default colour.
 */
public final class LayerMaskSource {
  private LayerMaskSource() {}

  /**
   * The product mask of {@code layer} over a {@code width × height} document.
   *
   * @param layer Not modified
   * @param output Modified: document-sized, or null to allocate
   */
  public static GrayU16 productMask(LayerShape layer, int width, int height, GrayU16 output) {
    output = ImageChecks.reshape(output, width, height);
    output.fill(0);
    Rect region = layer.bounds().intersect(Rect.ofSize(width, height));
    if (region.isEmpty()) {
      return output;
    }
    GrayU16 vector = vectorCoverage(layer.vectorMask(), region);
    UserMask user = layer.userMask() != null && !layer.userMask().flags().disabled() ? layer.userMask() : null;
    GrayU16 alpha = layer.transparency();
    Rect lb = layer.bounds();
    for (int y = region.top(); y < region.bottom(); y++) {
      int dst = output.startIndex + y * output.stride;
      int vRow = vector == null ? 0 : vector.startIndex + (y - region.top()) * vector.stride - region.left();
      int aRow = alpha == null ? 0 : alpha.startIndex + (y - lb.top()) * alpha.stride - lb.left();
      for (int x = region.left(); x < region.right(); x++) {
        int p = alpha == null ? MaskMath.FULL : alpha.data[aRow + x] & 0xFFFF;
        if (user != null) {
          p = MaskMath.mul(p, userValue(user, x, y));
        }
        if (vector != null) {
          p = MaskMath.mul(p, vector.data[vRow + x] & 0xFFFF);
        }
        output.data[dst + x] = (short) p;
      }
    }
    return output;
  }

  private static int userValue(UserMask mask, int x, int y) {
    Rect b = mask.bounds();
    int v = b.contains(x, y)
        ? mask.plane().data[mask.plane().startIndex + (y - b.top()) * mask.plane().stride + x - b.left()] & 0xFFFF
        : mask.defaultColor() * 257;
    return mask.flags().inverted() ? MaskMath.FULL - v : v;
  }

  /** The vector mask's coverage over the region (inverted if flagged), or null when absent or off. */
  private static GrayU16 vectorCoverage(VectorMask mask, Rect region) {
    if (mask == null || mask.flags().disabled()) {
      return null;
    }
    GrayU16 coverage = PathRasterizer.rasterize(mask.path(), region, null);
    return mask.flags().inverted() ? MaskOps.invert(coverage, coverage) : coverage;
  }
}
