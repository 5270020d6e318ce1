// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/** Pixel-wise mask operations over whole images (algebra with {@link MaskMath}'s exact rounding). */
public final class ImplMaskPixels {
  private ImplMaskPixels() {}

  /** The binary operations of selection algebra. */
  public enum Blend {
    INTERSECT,
    SUBTRACT,
    ADD
  }

  /** out = a ∘ b; inputs Not modified, {@code out} Modified (may be an input). */
  public static void blend(GrayU16 a, GrayU16 b, GrayU16 out, Blend blend) {
    for (int y = 0; y < a.height; y++) {
      int ia = a.startIndex + y * a.stride;
      int ib = b.startIndex + y * b.stride;
      int io = out.startIndex + y * out.stride;
      for (int x = 0; x < a.width; x++) {
        int va = a.data[ia + x] & 0xFFFF;
        int vb = b.data[ib + x] & 0xFFFF;
        int v = switch (blend) {
          case INTERSECT -> MaskMath.mul(va, vb);
          case SUBTRACT -> MaskMath.subtract(va, vb);
          case ADD -> MaskMath.add(va, vb);
        };
        out.data[io + x] = (short) v;
      }
    }
  }

  /** out = 1 − a; {@code a} Not modified, {@code out} Modified (may be {@code a}). */
  public static void invert(GrayU16 a, GrayU16 out) {
    for (int y = 0; y < a.height; y++) {
      int ia = a.startIndex + y * a.stride;
      int io = out.startIndex + y * out.stride;
      for (int x = 0; x < a.width; x++) {
        out.data[io + x] = (short) (MaskMath.FULL - (a.data[ia + x] & 0xFFFF));
      }
    }
  }

  /**
   * out = 65535 wherever {@code core} (Not modified) is 65535; elsewhere {@code out} (Modified) is
   * left as it is.
   */
  public static void keepCore(GrayU16 core, GrayU16 out) {
    for (int y = 0; y < core.height; y++) {
      int ic = core.startIndex + y * core.stride;
      int io = out.startIndex + y * out.stride;
      for (int x = 0; x < core.width; x++) {
        if (core.data[ic + x] == (short) MaskMath.FULL) {
          out.data[io + x] = (short) MaskMath.FULL;
        }
      }
    }
  }

  /**
   * The bounding box of the pixels of {@code mask} (Not modified) whose value lies in [lo, hi], in
   * the mask's coordinates; an empty rect at (0,0) when there are none.
   */
  public static Rect bounds(GrayU16 mask, int lo, int hi) {
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < mask.height; y++) {
      int row = mask.startIndex + y * mask.stride;
      for (int x = 0; x < mask.width; x++) {
        int v = mask.data[row + x] & 0xFFFF;
        if (v >= lo && v <= hi) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = y;
        }
      }
    }
    return right < 0 ? new Rect(0, 0, 0, 0)
        : new Rect(left, top, right + 1, bottom + 1);
  }
}
