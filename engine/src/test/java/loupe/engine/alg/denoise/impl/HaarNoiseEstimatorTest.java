// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class HaarNoiseEstimatorTest {
  /** A sweep-like ramp plus Gaussian noise of σ (storage units), optionally quantised to 8 bits. */
  private static GrayU16 noisyRamp(int w, int h, double sigma, boolean eightBit, long seed) {
    Random rnd = new Random(seed);
    GrayU16 out = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 50000 + 3 * x - 2 * y + rnd.nextGaussian() * sigma;
        int s = (int) Math.round(Math.max(0, Math.min(65535, v)));
        out.set(x, y, eightBit ? (s + 128) / 257 * 257 : s);
      }
    }
    return out;
  }

  private static double estimate(GrayU16 band, GrayU16 mask) {
    return HaarNoiseEstimator.estimate(new Planar(band), mask).sigma()[0];
  }

  @Test
  void recovers_the_noise_of_16_bit_data() {
    GrayU16 band = noisyRamp(400, 300, 600, false, 1);
    assertThat(estimate(band, new GrayU16(400, 300))).isCloseTo(600, within(600 * 0.03));
  }

  @Test
  void recovers_the_noise_of_8_bit_data_through_the_grouped_median() {
    // σ = 1.8 levels: |d| takes few distinct values, a plain median would snap to one of them.
    GrayU16 band = noisyRamp(400, 300, 1.8 * 257, true, 2);
    double sigma = estimate(band, new GrayU16(400, 300)) / 257;
    // Rounding to 8 bits adds 1/12 level² of variance.
    assertThat(sigma).isCloseTo(Math.sqrt(1.8 * 1.8 + 1 / 12.0), within(0.06));
  }

  @Test
  void ignores_every_block_touching_the_product() {
    GrayU16 band = noisyRamp(200, 100, 500, false, 3);
    GrayU16 mask = new GrayU16(200, 100);
    for (int y = 0; y < 100; y++) {
      for (int x = 101; x < 200; x++) {
        mask.set(x, y, 1);
        band.set(x, y, (x * 7919 + y * 104729) % 65536);
      }
    }
    GrayU16 left = noisyRamp(200, 100, 500, false, 3).subimage(0, 0, 100, 100);
    assertThat(estimate(band, mask)).isEqualTo(estimate(left, new GrayU16(100, 100)));
  }

  @Test
  void grouped_median_agrees_with_a_sorted_median_on_16_bit_data() {
    GrayU16 band = noisyRamp(64, 64, 300, false, 4);
    double[] d = new double[32 * 32];
    int n = 0;
    for (int y = 0; y < 64; y += 2) {
      for (int x = 0; x < 64; x += 2) {
        d[n++] = Math.abs(band.get(x, y) - band.get(x + 1, y) - band.get(x, y + 1) + band.get(x + 1, y + 1)) / 2.0;
      }
    }
    Arrays.sort(d);
    double sortedMedian = (d[n / 2 - 1] + d[n / 2]) / 2;
    assertThat(estimate(band, new GrayU16(64, 64)) * 0.6744897501960817).isCloseTo(sortedMedian, within(1.0));
  }

  @Test
  void returns_nan_without_background() {
    assertThat(estimate(new GrayU16(10, 10), GrayU16.filled(10, 10, 65535))).isNaN();
  }
}
