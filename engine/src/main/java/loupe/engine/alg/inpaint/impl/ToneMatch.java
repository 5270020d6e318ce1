// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Matches a patch fill's tone to its surroundings, as a healing brush does: the fill keeps its
 * texture, and a smooth correction brings its smooth part at the hole's rim onto the smooth part of
 * the source around it, decaying harmonically inward (seamless cloning, Pérez, Gangnet, Blake,
 * SIGGRAPH 2003, with the fill as the guidance field). Patches copied from elsewhere on a piece of
 * jewelry carry that place's brightness: without this, a healed stroke on a band stood levels
 * brighter or darker than the metal around it, with a hard edge.
 *
 * <p>The mismatch is taken against the pixels the output keeps beside the fill (the source and
 * the source guard's pixels, as shot: a fill may use the guard's samples as scratch), so the rim
 * meets them without an edge and the fill takes their shading inward. An offset the guard's pixels
 * share all round a hole's rim against the source beyond them is a flaw's halo, which the guard
 * exists to keep out: that part bends only the rim ({@link #EDGE_REACH}) and is taken out of the
 * rest of that hole.
 * Only healing uses it: on the background it carried a prop's shadow and the product's rim into the
 * fill (dev03 prop removal 38.9 → 33.3 dB).
 */
final class ToneMatch {
  /**
   * Smoothing of both sides before they are compared: enough to take the noise out of one pixel's
   * value, little enough to follow the metal's shading. On 36 unflawed 10×50 strokes healed on the
   * dev scenes' jewelry, σ 0.5 gave the lowest error against the pixels as shot (σ 0.75 and 3 more).
   */
  private static final double SIGMA = 0.5;

  /**
   * Steps into the hole over which a halo's offset fades out (all of it on the rim, half one step
   * in, none from two on). With a 1 px halo 15 levels bright around 36 strokes per dev scene, the
   * fill moved 0.1 / 3.0 / 0.7 levels (dev01 / dev02 / dev03); with the offset kept all through,
   * 5.2 / 11.3 / 9.5.
   */
  private static final int EDGE_REACH = 2;

  private ToneMatch() {}

  /**
   * Adds the correction to the HOLE samples of {@code crop}.
   *
   * @param crop Modified (HOLE samples).
   * @param asShot the crop's samples before the fill (a fill may use the guard's samples as scratch)
   */
  static void apply(CropImage crop, float[] asShot, int membraneIterations) {
    int w = crop.width;
    int h = crop.height;
    int nb = crop.bands;
    float[] beyond = surroundings(crop, asShot, false, membraneIterations);
    float[] near = surroundings(crop, asShot, true, membraneIterations);
    float[] fill = TextureSplit.smooth(crop, SIGMA, CropImage.HOLE);
    // The rim (HOLE pixels beside the source or its guard) holds the mismatch as a fixed boundary;
    // the correction is the membrane of it over the rest of the hole.
    CropImage tone = rim(crop);
    if (tone == null) {
      return; // walled in by pixels that may not be read: nothing to match against
    }
    for (int p = 0; p < w * h; p++) {
      if (tone.state[p] == CropImage.SOURCE) {
        for (int c = 0; c < nb; c++) {
          tone.v[p * nb + c] = near[p * nb + c] - fill[p * nb + c];
        }
      }
    }
    int[] component = components(tone);
    float[][] halo = halos(crop, tone, component, near, beyond);
    MembraneFill.fill(tone, tone.v, membraneIterations);
    int[] steps = steps(w, h, p -> tone.state[p] == CropImage.SOURCE, p -> tone.state[p] == CropImage.HOLE);
    float[] lo = new float[nb];
    float[] hi = new float[nb];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int p = 0; p < w * h; p++) {
      if (crop.state[p] == CropImage.SOURCE || crop.guarded[p]) {
        for (int c = 0; c < nb; c++) {
          lo[c] = Math.min(lo[c], asShot[p * nb + c]);
          hi[c] = Math.max(hi[c], asShot[p * nb + c]);
        }
      }
    }
    // A fill shifted by a hard pattern's phase (a stripe meeting its neighbour) may not step past
    // the values around it.
    for (int p = 0; p < w * h; p++) {
      if (crop.state[p] == CropImage.HOLE) {
        float inward = (float) Math.min(1, (double) steps[p] / EDGE_REACH);
        for (int c = 0; c < nb; c++) {
          float v = crop.v[p * nb + c] + tone.v[p * nb + c] - inward * halo[component[p]][c];
          crop.v[p * nb + c] = Math.max(lo[c], Math.min(hi[c], v));
        }
      }
    }
  }

  /**
   * The smooth part of the pixels around the hole, carried into it by a membrane: of the source
   * beyond the guard, or ({@code withGuard}) of the source and the guard's pixels.
   */
  private static float[] surroundings(CropImage crop, float[] asShot, boolean withGuard, int membraneIterations) {
    int n = crop.width * crop.height;
    CropImage around = new CropImage(crop.width, crop.height, crop.bands);
    System.arraycopy(asShot, 0, around.v, 0, asShot.length);
    for (int p = 0; p < n; p++) {
      around.state[p] = withGuard && crop.guarded[p] ? CropImage.SOURCE : crop.state[p];
      around.guarded[p] = !withGuard && crop.guarded[p];
    }
    float[] values = TextureSplit.smooth(around, SIGMA, CropImage.SOURCE);
    MembraneFill.fill(around, values, membraneIterations);
    return values;
  }

  /** The hole as a membrane problem: its rim SOURCE (fixed), the rest HOLE, all else walls; null without a rim. */
  private static CropImage rim(CropImage crop) {
    int w = crop.width;
    int h = crop.height;
    CropImage rim = new CropImage(w, h, crop.bands);
    boolean any = false;
    for (int p = 0; p < w * h; p++) {
      if (crop.state[p] != CropImage.HOLE) {
        continue;
      }
      int x = p % w;
      int y = p / w;
      boolean onRim = x > 0 && meets(crop, p - 1) || x + 1 < w && meets(crop, p + 1)
          || y > 0 && meets(crop, p - w) || y + 1 < h && meets(crop, p + w);
      rim.state[p] = onRim ? CropImage.SOURCE : CropImage.HOLE;
      any |= onRim;
    }
    return any ? rim : null;
  }

  /** 4-connected components of the hole (rim included), numbered from 0; -1 elsewhere. */
  private static int[] components(CropImage rim) {
    int w = rim.width;
    int h = rim.height;
    int[] label = new int[w * h];
    Arrays.fill(label, -1);
    int[] stack = new int[w * h];
    int[] next = new int[4];
    int count = 0;
    for (int start = 0; start < w * h; start++) {
      if (rim.state[start] == CropImage.OTHER || label[start] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      label[start] = count;
      while (top > 0) {
        int p = stack[--top];
        for (int q : neighbours(p, w, h, next)) {
          if (q >= 0 && rim.state[q] != CropImage.OTHER && label[q] < 0) {
            label[q] = count;
            stack[top++] = q;
          }
        }
      }
      count++;
    }
    return label;
  }

  /**
   * Per hole component, the offset the guard's pixels share all round its rim against the source
   * beyond them (the median over the rim, so a difference on one side, a stripe or a body the rim
   * runs into, is not taken for a halo): a flaw's halo. None where the guard meets no source (a
   * bead all guard around its stroke: the source beyond is then no tone of its surroundings).
   */
  private static float[][] halos(CropImage crop, CropImage rim, int[] component, float[] near, float[] beyond) {
    int nb = crop.bands;
    int count = Arrays.stream(component).max().orElse(-1) + 1;
    // Pixels the source membrane reaches: joined to SOURCE through HOLE and guard pixels.
    int[] fromSource = steps(crop.width, crop.height, p -> crop.state[p] == CropImage.SOURCE,
        p -> crop.state[p] == CropImage.HOLE || crop.guarded[p]);
    int[] sizes = new int[count];
    for (int p = 0; p < component.length; p++) {
      if (rim.state[p] == CropImage.SOURCE) {
        sizes[component[p]]++;
      }
    }
    int[][] rimPixels = new int[count][];
    for (int k = 0; k < count; k++) {
      rimPixels[k] = new int[sizes[k]];
    }
    int[] filled = new int[count];
    boolean[] joined = new boolean[count];
    for (int p = 0; p < component.length; p++) {
      if (rim.state[p] == CropImage.SOURCE) {
        int k = component[p];
        rimPixels[k][filled[k]++] = p;
        joined[k] |= fromSource[p] != Integer.MAX_VALUE;
      }
    }
    float[][] halo = new float[count][nb];
    for (int k = 0; k < count; k++) {
      if (!joined[k]) {
        continue;
      }
      float[] offsets = new float[rimPixels[k].length];
      for (int c = 0; c < nb; c++) {
        for (int i = 0; i < offsets.length; i++) {
          offsets[i] = near[rimPixels[k][i] * nb + c] - beyond[rimPixels[k][i] * nb + c];
        }
        Arrays.sort(offsets);
        halo[k][c] = offsets[offsets.length / 2];
      }
    }
    return halo;
  }

  /**
   * 4-connected steps from the {@code seed} pixels through {@code passable} ones (breadth first);
   * pixels not reached: MAX_VALUE.
   */
  private static int[] steps(int w, int h, IntPredicate seed, IntPredicate passable) {
    int[] steps = new int[w * h];
    Arrays.fill(steps, Integer.MAX_VALUE);
    int[] queue = new int[w * h];
    int tail = 0;
    for (int p = 0; p < w * h; p++) {
      if (seed.test(p)) {
        steps[p] = 0;
        queue[tail++] = p;
      }
    }
    int[] next = new int[4];
    for (int head = 0; head < tail; head++) {
      int p = queue[head];
      for (int q : neighbours(p, w, h, next)) {
        if (q >= 0 && steps[q] == Integer.MAX_VALUE && passable.test(q)) {
          steps[q] = steps[p] + 1;
          queue[tail++] = q;
        }
      }
    }
    return steps;
  }

  /** The 4-neighbours of {@code p} in {@code out}, -1 where the crop ends. */
  private static int[] neighbours(int p, int w, int h, int[] out) {
    int x = p % w;
    int y = p / w;
    out[0] = x > 0 ? p - 1 : -1;
    out[1] = x + 1 < w ? p + 1 : -1;
    out[2] = y > 0 ? p - w : -1;
    out[3] = y + 1 < h ? p + w : -1;
    return out;
  }

  private static boolean meets(CropImage crop, int q) {
    return crop.state[q] == CropImage.SOURCE || crop.guarded[q];
  }
}
