// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.SplittableRandom;

/**
 * Adds real grain to a smooth fill: the residual of a nearby, equally shaped patch of SOURCE pixels
 * (the hole shifted by one translation), so the fill gets the local noise level, its colour
 * correlation and its spatial correlation without any noise model. Pixels the shifted copy cannot
 * serve take the grain of a random SOURCE pixel.
 */
final class GrainTransfer {
  private static final int ATTEMPTS = 48;

  private GrainTransfer() {}

  /**
   * @param crop Not modified.
   * @param values Modified: grain is added at HOLE pixels.
   * @param grain residual at SOURCE pixels ({@link TextureSplit#grain}). Not modified.
   */
  static void add(CropImage crop, float[] values, float[] grain, SplittableRandom random) {
    int w = crop.width;
    int h = crop.height;
    int nb = crop.bands;
    int[] holes = pixels(crop, CropImage.HOLE);
    int[] sources = pixels(crop, CropImage.SOURCE);
    if (holes.length == 0 || sources.length == 0) {
      return;
    }
    int[] shift = findShift(crop, holes, random);
    for (int p : holes) {
      int q = -1;
      if (shift != null) {
        q = p + shift[1] * w + shift[0];
      }
      int x = p % w + (shift == null ? 0 : shift[0]);
      int y = p / w + (shift == null ? 0 : shift[1]);
      if (shift == null || x < 0 || y < 0 || x >= w || y >= h || crop.state[q] != CropImage.SOURCE) {
        q = sources[random.nextInt(sources.length)];
      }
      for (int c = 0; c < nb; c++) {
        values[p * nb + c] += grain[q * nb + c];
      }
    }
  }

  /** A translation, short ones first, that maps every HOLE pixel onto a SOURCE pixel; null if none. */
  private static int[] findShift(CropImage crop, int[] holes, SplittableRandom random) {
    int w = crop.width;
    int h = crop.height;
    int maxShift = Math.max(2, Math.min(w, h) / 2);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double radius = 2 + (maxShift - 2) * (attempt + 1.0) / ATTEMPTS;
      double angle = random.nextDouble() * 2 * Math.PI;
      int dx = (int) Math.round(radius * Math.cos(angle));
      int dy = (int) Math.round(radius * Math.sin(angle));
      boolean ok = true;
      for (int p : holes) {
        int x = p % w + dx;
        int y = p / w + dy;
        if (x < 0 || y < 0 || x >= w || y >= h || crop.state[y * w + x] != CropImage.SOURCE) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return new int[] {dx, dy};
      }
    }
    return null;
  }

  private static int[] pixels(CropImage crop, byte wanted) {
    int[] out = new int[crop.count(wanted)];
    int n = 0;
    for (int p = 0; p < crop.state.length; p++) {
      if (crop.state[p] == wanted) {
        out[n++] = p;
      }
    }
    return out;
  }
}
