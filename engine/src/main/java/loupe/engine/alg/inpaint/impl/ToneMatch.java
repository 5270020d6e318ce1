// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;

/**
 * Matches a patch fill's tone to its surroundings, as a healing brush does: the fill keeps its
 * texture, and a smooth correction brings its smooth part at the hole's rim onto the smooth part of
 * the source around it, decaying harmonically inward (seamless cloning, Pérez, Gangnet, Blake,
 * SIGGRAPH 2003, with the fill as the guidance field). Patches copied from elsewhere on a piece of
 * jewelry carry that place's brightness: without this, a healed stroke on a band stood levels
 * brighter or darker than the metal around it, with a hard edge.
 *
 * <p>The tone is that of the pixels around the hole that the output keeps as they are: SOURCE and
 * the source guard's pixels (allowed, so never off the layer, only kept out of the patches). Matched
 * only across the guard, by the membrane, a healed stroke kept a visible edge against the guard's
 * pixels (seam steps twice those of the metal as shot); matched to them, a defect's halo shades the
 * fill's rim a little, as Photoshop's Healing Brush does. Only healing uses it: on the background it
 * carried a prop's shadow and the product's rim into the fill (dev03 prop removal 38.9 → 33.3 dB).
 */
final class ToneMatch {
  /**
   * Smoothing of both sides before they are compared: enough to take the noise out of one pixel's
   * value, little enough to follow the metal's shading. On 36 unflawed 10×50 strokes healed on the
   * dev scenes' jewelry, σ 0.5 gave the lowest error against the pixels as shot (σ 0.75 and 3 more).
   */
  private static final double SIGMA = 0.5;

  private ToneMatch() {}

  /**
   * Adds the correction to the HOLE samples of {@code crop}.
   *
   * @param crop Modified (HOLE samples).
   */
  static void apply(CropImage crop, int membraneIterations) {
    int w = crop.width;
    int h = crop.height;
    int nb = crop.bands;
    CropImage kept = new CropImage(w, h, nb); // the crop with the guard's pixels as SOURCE
    System.arraycopy(crop.v, 0, kept.v, 0, crop.v.length);
    for (int p = 0; p < w * h; p++) {
      kept.state[p] = crop.guarded[p] ? CropImage.SOURCE : crop.state[p];
    }
    float[] surroundings = TextureSplit.smooth(kept, SIGMA, CropImage.SOURCE);
    MembraneFill.fill(kept, surroundings, membraneIterations);
    float[] fill = TextureSplit.smooth(crop, SIGMA, CropImage.HOLE);
    // The rim (HOLE pixels beside the source or its guard) holds the mismatch as a fixed boundary;
    // the correction is the membrane of it over the rest of the hole.
    CropImage rim = new CropImage(w, h, nb);
    boolean anyRim = false;
    for (int p = 0; p < w * h; p++) {
      if (crop.state[p] != CropImage.HOLE) {
        continue;
      }
      int x = p % w;
      int y = p / w;
      boolean onRim = x > 0 && meets(crop, p - 1) || x + 1 < w && meets(crop, p + 1)
          || y > 0 && meets(crop, p - w) || y + 1 < h && meets(crop, p + w);
      rim.state[p] = onRim ? CropImage.SOURCE : CropImage.HOLE;
      if (onRim) {
        anyRim = true;
        for (int c = 0; c < nb; c++) {
          rim.v[p * nb + c] = surroundings[p * nb + c] - fill[p * nb + c];
        }
      }
    }
    if (!anyRim) {
      return; // walled in by pixels that may not be read: nothing to match against
    }
    MembraneFill.fill(rim, rim.v, membraneIterations);
    float[] lo = new float[nb];
    float[] hi = new float[nb];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int p = 0; p < w * h; p++) {
      if (kept.state[p] == CropImage.SOURCE) {
        for (int c = 0; c < nb; c++) {
          lo[c] = Math.min(lo[c], kept.v[p * nb + c]);
          hi[c] = Math.max(hi[c], kept.v[p * nb + c]);
        }
      }
    }
    // A fill shifted by a hard pattern's phase (a stripe meeting its neighbour) may not step past
    // the values around it.
    for (int p = 0; p < w * h; p++) {
      if (crop.state[p] == CropImage.HOLE) {
        for (int c = 0; c < nb; c++) {
          float v = crop.v[p * nb + c] + rim.v[p * nb + c];
          crop.v[p * nb + c] = Math.max(lo[c], Math.min(hi[c], v));
        }
      }
    }
  }

  private static boolean meets(CropImage crop, int q) {
    return crop.state[q] == CropImage.SOURCE || crop.guarded[q];
  }
}
