// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;
import loupe.engine.alg.mask.impl.OnionPeel;

/**
 * Harmonic ("membrane") interpolation of the HOLE pixels of a crop: the solution of Laplace's
 * equation with the SOURCE values as Dirichlet boundary and no flux into OTHER pixels or across the
 * crop edge (Pérez, Gangnet, Blake, "Poisson Image Editing", SIGGRAPH 2003, with a zero guidance
 * field). The source guard's pixels ({@link CropImage#guarded}) are solved for like the hole, never
 * read: the membrane spans the guard ring and meets the source beyond it (as walls they cut every
 * hole off from its source, and each fill fell back to the crop's mean). Every filled value is a
 * convex combination of SOURCE values, so nothing else can leak in.
 *
 * <p>Initialised by an onion peel (each ring of the hole takes the mean of its already known
 * 8-neighbours, as in Telea's fast-marching order), then refined by successive over-relaxation.
 * HOLE pixels that no path of HOLE pixels connects to a SOURCE pixel take the crop's mean source
 * value.
 */
final class MembraneFill {
  private static final float OMEGA = 1.85f;
  private static final float TOLERANCE = 0.25f; // 16-bit units: far below one 8-bit level

  private MembraneFill() {}

  /**
   * Replaces {@code values} at the HOLE pixels of {@code crop}; reads {@code values} only at SOURCE
   * pixels.
   *
   * @param crop Not modified.
   * @param values interleaved like {@link CropImage#v}. Modified (HOLE and guarded pixels).
   */
  static void fill(CropImage crop, float[] values, int maxIterations) {
    int w = crop.width;
    int h = crop.height;
    boolean[] known = new boolean[w * h];
    boolean[] hole = new boolean[w * h];
    for (int p = 0; p < w * h; p++) {
      known[p] = crop.state[p] == CropImage.SOURCE;
      hole[p] = crop.state[p] == CropImage.HOLE || crop.guarded[p];
    }
    int[] order = OnionPeel.order(known, hole, w, h);
    OnionPeel.fill(values, crop.bands, known, order, w, h, meanSource(crop, values));
    relax(crop, values, order, maxIterations);
    clampToSourceRange(crop, values, order);
  }

  /** Early-stopped over-relaxation can overshoot slightly; the exact solution never leaves this range. */
  private static void clampToSourceRange(CropImage crop, float[] values, int[] order) {
    int nb = crop.bands;
    float[] lo = new float[nb];
    float[] hi = new float[nb];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int p = 0; p < crop.state.length; p++) {
      if (crop.state[p] == CropImage.SOURCE) {
        for (int c = 0; c < nb; c++) {
          lo[c] = Math.min(lo[c], values[p * nb + c]);
          hi[c] = Math.max(hi[c], values[p * nb + c]);
        }
      }
    }
    if (lo[0] > hi[0]) {
      return; // no source pixel: the caller guarantees this does not happen
    }
    for (int p : order) {
      for (int c = 0; c < nb; c++) {
        values[p * nb + c] = Math.max(lo[c], Math.min(hi[c], values[p * nb + c]));
      }
    }
  }

  private static void relax(CropImage crop, float[] values, int[] order, int maxIterations) {
    int w = crop.width;
    int h = crop.height;
    int nb = crop.bands;
    int[] neighbours = new int[4];
    for (int it = 0; it < maxIterations; it++) {
      float maxChange = 0;
      for (int p : order) {
        int x = p % w;
        int y = p / w;
        int n = 0;
        if (x > 0 && passable(crop, p - 1)) {
          neighbours[n++] = p - 1;
        }
        if (x + 1 < w && passable(crop, p + 1)) {
          neighbours[n++] = p + 1;
        }
        if (y > 0 && passable(crop, p - w)) {
          neighbours[n++] = p - w;
        }
        if (y + 1 < h && passable(crop, p + w)) {
          neighbours[n++] = p + w;
        }
        if (n == 0) {
          continue;
        }
        for (int c = 0; c < nb; c++) {
          float sum = 0;
          for (int k = 0; k < n; k++) {
            sum += values[neighbours[k] * nb + c];
          }
          float old = values[p * nb + c];
          float next = old + OMEGA * (sum / n - old);
          values[p * nb + c] = next;
          maxChange = Math.max(maxChange, Math.abs(next - old));
        }
      }
      if (maxChange < TOLERANCE) {
        return;
      }
    }
  }

  /** Flux flows through SOURCE, HOLE and guarded pixels; OTHER pixels are walls. */
  private static boolean passable(CropImage crop, int p) {
    return crop.state[p] != CropImage.OTHER || crop.guarded[p];
  }

  private static float[] meanSource(CropImage crop, float[] values) {
    int nb = crop.bands;
    double[] sum = new double[nb];
    long n = 0;
    for (int p = 0; p < crop.state.length; p++) {
      if (crop.state[p] == CropImage.SOURCE) {
        for (int c = 0; c < nb; c++) {
          sum[c] += values[p * nb + c];
        }
        n++;
      }
    }
    float[] mean = new float[nb];
    for (int c = 0; c < nb; c++) {
      mean[c] = n == 0 ? 0 : (float) (sum[c] / n);
    }
    return mean;
  }
}
