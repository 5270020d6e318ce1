// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class MaskedGuidedFilterTest {
  private static final double EPS = 0.002;

  /** Smooth ramp + noise, with a blob of "jewelry" (P = 65535) and soft edge pixels around it. */
  private static GrayU16[] scene(int w, int h, long seed) {
    Random rnd = new Random(seed);
    GrayU16 image = new GrayU16(w, h);
    GrayU16 mask = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - w / 3.0, y - h / 2.0);
        mask.set(x, y, d < 6 ? 65535 : d < 7 ? 30000 : 0);
        int v = d < 7 ? rnd.nextInt(65536) : (int) (40000 + 60 * x + 20 * y + rnd.nextGaussian() * 900);
        image.set(x, y, Math.max(0, Math.min(65535, v)));
      }
    }
    return new GrayU16[] {image, mask};
  }

  private static double[] run(GrayU16 image, GrayU16 mask, int radius, int rows) {
    MaskedGuidedFilter filter = new MaskedGuidedFilter(image.width, rows, radius);
    double[] out = new double[image.width * image.height];
    double[] strip = new double[image.width * rows];
    for (int y0 = 0; y0 < image.height; y0 += rows) {
      int y1 = Math.min(image.height, y0 + rows);
      filter.loadMask(mask, y0, y1);
      filter.filter(image, y0, y1, EPS, strip);
      System.arraycopy(strip, 0, out, y0 * image.width, (y1 - y0) * image.width);
    }
    return out;
  }

  @Test
  void matches_the_naive_oracle_across_strip_boundaries() {
    GrayU16[] s = scene(37, 53, 11);
    GrayU16 image = s[0];
    GrayU16 mask = s[1];
    int r = 3;
    double[][] p = new double[image.height][image.width];
    boolean[][] sample = new boolean[image.height][image.width];
    for (int y = 0; y < image.height; y++) {
      for (int x = 0; x < image.width; x++) {
        p[y][x] = image.get(x, y) / 65535.0;
        sample[y][x] = mask.get(x, y) == 0;
      }
    }
    double[][] expected = MaskedGuidedFilterNaive.filter(p, sample, r, EPS);
    // Strips of 10 rows with a halo of 4r = 12 rows: every strip depends on its neighbours' rows.
    double[] actual = run(image, mask, r, 10);
    for (int y = 0; y < image.height; y++) {
      for (int x = 0; x < image.width; x++) {
        assertThat(actual[y * image.width + x]).as("(%d,%d)", x, y).isCloseTo(expected[y][x],
            org.assertj.core.data.Offset.offset(2e-6));
      }
    }
  }

  @Test
  void runs_the_same_on_a_subimage_view() {
    GrayU16[] s = scene(40, 30, 5);
    GrayU16 bigImage = new GrayU16(60, 50);
    GrayU16 bigMask = GrayU16.filled(60, 50, 65535);
    GrayU16 viewImage = bigImage.subimage(7, 9, 47, 39);
    GrayU16 viewMask = bigMask.subimage(7, 9, 47, 39);
    viewImage.setTo(s[0]);
    viewMask.setTo(s[1]);
    assertThat(run(viewImage, viewMask, 4, 16)).containsExactly(run(s[0], s[1], 4, 16));
  }

  @Test
  void never_reads_pixels_under_the_mask() {
    GrayU16[] s = scene(41, 35, 9);
    GrayU16 other = s[0].copy();
    for (int y = 0; y < other.height; y++) {
      for (int x = 0; x < other.width; x++) {
        if (s[1].get(x, y) > 0) {
          other.set(x, y, 65535 - other.get(x, y));
        }
      }
    }
    double[] a = run(s[0], s[1], 3, 12);
    double[] b = run(other, s[1], 3, 12);
    for (int i = 0; i < a.length; i++) {
      if (s[1].data[i] == 0) {
        assertThat(b[i]).isEqualTo(a[i]);
      }
    }
  }
}
