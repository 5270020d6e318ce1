// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class ChamferDistanceTest {
  /** min over sources of the 3-4 chamfer norm 3·max(|dx|,|dy|) + min(|dx|,|dy|), capped. */
  private static int naive(GrayU16 mask, int x, int y, int cap) {
    int best = cap;
    for (int sy = 0; sy < mask.height; sy++) {
      for (int sx = 0; sx < mask.width; sx++) {
        if (mask.get(sx, sy) > 0) {
          int dx = Math.abs(sx - x);
          int dy = Math.abs(sy - y);
          best = Math.min(best, 3 * Math.max(dx, dy) + Math.min(dx, dy));
        }
      }
    }
    return best;
  }

  private static GrayU16 sparse(int w, int h, long seed) {
    Random rnd = new Random(seed);
    GrayU16 mask = new GrayU16(w, h);
    for (int i = 0; i < 6; i++) {
      mask.set(rnd.nextInt(w), rnd.nextInt(h), 1 + rnd.nextInt(65535));
    }
    return mask;
  }

  @Test
  void matches_the_chamfer_norm_to_the_nearest_source_in_whole_images_and_strips() {
    GrayU16 mask = sparse(31, 45, 3);
    int cap = 3 * 9;
    int w = mask.width;
    int[] whole = new int[w * mask.height];
    ChamferDistance.compute(mask, 0, mask.height, cap, whole);
    for (int y0 = 0; y0 < mask.height; y0 += 7) {
      int y1 = Math.min(mask.height, y0 + 7);
      int[] strip = new int[w * (y1 - y0)];
      ChamferDistance.compute(mask, y0, y1, cap, strip);
      for (int y = y0; y < y1; y++) {
        for (int x = 0; x < w; x++) {
          int expected = naive(mask, x, y, cap);
          assertThat(whole[y * w + x]).as("(%d,%d)", x, y).isEqualTo(expected);
          assertThat(strip[(y - y0) * w + x]).as("strip (%d,%d)", x, y).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void runs_the_same_on_a_subimage_view() {
    GrayU16 mask = sparse(20, 18, 8);
    GrayU16 big = new GrayU16(40, 40);
    GrayU16 view = big.subimage(11, 13, 31, 31);
    view.setTo(mask);
    int[] a = new int[20 * 18];
    int[] b = new int[20 * 18];
    ChamferDistance.compute(mask, 0, 18, 30, a);
    ChamferDistance.compute(view, 0, 18, 30, b);
    assertThat(b).containsExactly(a);
  }

  @Test
  void feather_is_zero_on_the_mask_and_ramps_to_one_on_the_background_side() {
    GrayU16 mask = new GrayU16(12, 1);
    mask.set(0, 0, 1);
    int[] distance = new int[12];
    double[] weight = new double[12];
    EdgeFeather.weights(mask, 0, 1, 2, distance, weight);
    assertThat(weight).containsExactly(0, 1 / 3.0, 2 / 3.0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
  }
}
