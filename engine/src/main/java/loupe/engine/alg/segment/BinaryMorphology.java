// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.alg.mask.impl.BinaryDilation;
import loupe.engine.alg.mask.impl.FloodFill;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;

/**
 * Binary morphology on row-major {@code boolean[]} masks (width × height): square erosion (the
 * dual of {@link BinaryDilation}), and morphological reconstruction by 4-connected {@link
 * FloodFill} (Vincent, "Morphological grayscale reconstruction", IEEE TIP 1993, binary case).
 * Inputs are Not modified; every op returns a new array.
 */
final class BinaryMorphology {
  private BinaryMorphology() {}

  /** True where every pixel of the (2r+1)² square is set; outside the frame counts as set. */
  static boolean[] erode(boolean[] mask, int w, int h, int r) {
    return invert(BinaryDilation.square(invert(mask), w, h, r));
  }

  /**
   * The pixels of {@code mask} that are 4-connected within {@code mask} to a pixel of {@code
   * seeds & mask}.
   */
  static boolean[] reconstruct(boolean[] seeds, boolean[] mask, int w, int h) {
    boolean[] out = new boolean[w * h];
    FloodFill flood = new FloodFill(w, h, false);
    for (int i = 0; i < w * h; i++) {
      if (seeds[i] && mask[i] && !out[i]) {
        flood.fill(i, out, q -> mask[q]);
      }
    }
    return out;
  }

  /** The radius of the largest disk inside {@code mask} ({@link MaskOps#inscribedRadius}). */
  static double inscribedRadius(boolean[] mask, int w, int h) {
    GrayU16 m = GrayU16.filled(w, h, 0);
    for (int i = 0; i < mask.length; i++) {
      m.set(i % w, i / w, mask[i] ? 65535 : 0);
    }
    return MaskOps.inscribedRadius(m, 65535);
  }

  static boolean[] invert(boolean[] mask) {
    boolean[] out = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = !mask[i];
    }
    return out;
  }

  static boolean[] and(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] && b[i];
    }
    return out;
  }

  static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] || b[i];
    }
    return out;
  }
}
