// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;
import java.util.stream.IntStream;

/** 2×2 pyramid steps for crops, conservative about what counts as a source. */
final class Pyramid {
  private Pyramid() {}

  /**
   * Half-size level: a pixel is HOLE if any of its 2×2 children is, SOURCE if all children inside
   * the crop are, OTHER otherwise; its value is the mean of its non-HOLE children (a coarse SOURCE
   * value is thus a mean of SOURCE values only).
   *
   * @param fine Not modified.
   */
  static CropImage half(CropImage fine) {
    int w = (fine.width + 1) / 2;
    int h = (fine.height + 1) / 2;
    int nb = fine.bands;
    CropImage out = new CropImage(w, h, nb);
    IntStream.range(0, h).parallel().forEach(y -> {
      float[] acc = new float[nb];
      for (int x = 0; x < w; x++) {
        Arrays.fill(acc, 0);
        int known = 0;
        boolean anyHole = false;
        boolean allSource = true;
        boolean anyGuarded = false;
        boolean anyWall = false;
        for (int fy = 2 * y; fy < Math.min(fine.height, 2 * y + 2); fy++) {
          for (int fx = 2 * x; fx < Math.min(fine.width, 2 * x + 2); fx++) {
            int f = fy * fine.width + fx;
            byte s = fine.state[f];
            anyHole |= s == CropImage.HOLE;
            allSource &= s == CropImage.SOURCE;
            anyGuarded |= fine.guarded[f];
            anyWall |= s == CropImage.OTHER && !fine.guarded[f];
            if (s != CropImage.HOLE) {
              for (int c = 0; c < nb; c++) {
                acc[c] += fine.v[f * nb + c];
              }
              known++;
            }
          }
        }
        int p = y * w + x;
        out.state[p] = anyHole ? CropImage.HOLE : allSource ? CropImage.SOURCE : CropImage.OTHER;
        // A coarse guard pixel stays passable for the coarsest level's membrane; any product child makes it a wall.
        out.guarded[p] = out.state[p] == CropImage.OTHER && anyGuarded && !anyWall;
        for (int c = 0; c < nb; c++) {
          out.v[p * nb + c] = known > 0 ? acc[c] / known : 0;
        }
      }
    });
    return out;
  }

  /**
   * Starts the finer level's hole from the coarser level's fill (nearest parent), before the first
   * search at the finer level.
   *
   * @param fine Modified: samples at HOLE pixels.
   * @param coarse Not modified.
   */
  static void initialiseHoleFromCoarser(CropImage fine, CropImage coarse) {
    int nb = fine.bands;
    for (int y = 0; y < fine.height; y++) {
      for (int x = 0; x < fine.width; x++) {
        int p = y * fine.width + x;
        if (fine.state[p] == CropImage.HOLE) {
          int q = (y / 2) * coarse.width + x / 2;
          System.arraycopy(coarse.v, q * nb, fine.v, p * nb, nb);
        }
      }
    }
  }
}
