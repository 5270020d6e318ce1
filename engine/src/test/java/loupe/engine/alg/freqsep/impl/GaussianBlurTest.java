// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {
  /** Direct 2-D convolution with the same sampled kernel and edge-repeating border, in double. */
  private static double naive(GrayU16 in, int x, int y, double sigma) {
    float[] k = GaussianBlur.kernel(sigma);
    int r = k.length / 2;
    double s = 0;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        int xx = Math.max(0, Math.min(in.width - 1, x + dx));
        int yy = Math.max(0, Math.min(in.height - 1, y + dy));
        s += (double) k[dx + r] * k[dy + r] * in.get(xx, yy);
      }
    }
    return s;
  }

  private static GrayU16 random(int w, int h, long seed) {
    Random rnd = new Random(seed);
    GrayU16 out = new GrayU16(w, h);
    for (int i = 0; i < w * h; i++) {
      out.data[i] = (short) rnd.nextInt(65536);
    }
    return out;
  }

  /** --fs-radius 1e-200: σ² underflowed to 0, the centre weight was 0/0, and Low came out black. */
  @Test
  void a_radius_too_small_to_square_leaves_the_image_as_it_is() {
    for (double sigma : new double[] {1e-200, Double.MIN_VALUE, 1e-3}) {
      assertThat(GaussianBlur.kernel(sigma)).as("σ = %s", sigma).containsExactly(0f, 1f, 0f);
      GrayU16 in = random(7, 5, 3);
      GrayU16 out = new GrayU16(7, 5);
      GaussianBlur.apply(in, out, sigma);
      assertThat(out.sameSamples(in)).isTrue();
    }
  }

  @Test
  void matches_direct_convolution_including_borders_and_tiny_images() {
    for (double sigma : new double[] {0.6, 1.5, 4}) {
      for (int[] size : new int[][] {{40, 33}, {5, 3}, {1, 1}}) {
        GrayU16 in = random(size[0], size[1], (long) (sigma * 100) + size[0]);
        GrayU16 out = new GrayU16(size[0], size[1]);
        GaussianBlur.apply(in, out, sigma);
        for (int y = 0; y < in.height; y++) {
          for (int x = 0; x < in.width; x++) {
            assertThat((double) out.get(x, y)).as("σ=%s (%d,%d)", sigma, x, y)
                .isCloseTo(naive(in, x, y, sigma), org.assertj.core.data.Offset.offset(1.0));
          }
        }
      }
    }
  }

  @Test
  void kernel_is_normalised_and_reaches_three_sigma() {
    float[] k = GaussianBlur.kernel(2.5);
    double sum = 0;
    for (float v : k) {
      sum += v;
    }
    assertThat(k).hasSize(2 * 8 + 1);
    assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void runs_the_same_on_subimage_views() {
    GrayU16 in = random(30, 25, 9);
    GrayU16 big = new GrayU16(50, 40);
    GrayU16 view = big.subimage(4, 6, 34, 31);
    view.setTo(in);
    GrayU16 bigOut = new GrayU16(50, 40);
    GrayU16 outView = bigOut.subimage(10, 3, 40, 28);
    GrayU16 expected = new GrayU16(30, 25);
    GaussianBlur.apply(in, expected, 2);
    GaussianBlur.apply(view, outView, 2);
    assertThat(outView.sameSamples(expected)).isTrue();
  }
}
