// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import loupe.engine.alg.denoise.NoiseEstimate;
import loupe.engine.alg.denoise.SyntheticNoise;
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

  private static NoiseEstimate full(GrayU16 band) {
    return HaarNoiseEstimator.estimate(new Planar(band), new GrayU16(band.width, band.height));
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
  void white_noise_has_its_finest_sigma_as_pixel_sigma_and_correlation_length_one() {
    NoiseEstimate e = full(noisyRamp(400, 300, 600, false, 5));
    assertThat(e.pixelSigma()[0]).isCloseTo(600, within(600 * 0.04));
    assertThat(e.pixelSigma()[0]).isGreaterThanOrEqualTo(e.sigma()[0]);
    assertThat(e.correlationLength()).isEqualTo(1.0);
  }

  @Test
  void box_averaged_noise_is_measured_at_the_pixel_and_decorrelates_over_the_box() {
    // 3×3 box of white σ0: a pixel has σ0/3; the finest diagonal detail only sees σ0/9, and the
    // variogram σ_k² ∝ min(k, 3)² reaches half its sill at lag 2 + (1/2 − 4/9)/(1 − 4/9) = 2.1.
    double sigma0 = 2400;
    NoiseEstimate e = full(SyntheticNoise.boxAveraged(400, 300, sigma0, 3, 6));
    assertThat(e.sigma()[0]).isCloseTo(sigma0 / 9, within(sigma0 / 9 * 0.05));
    assertThat(e.pixelSigma()[0]).isCloseTo(sigma0 / 3, within(sigma0 / 3 * 0.04));
    assertThat(e.correlationLength()).isCloseTo(2.1, within(0.1));
  }

  @Test
  void bilinear_upscale_noise_decorrelates_over_about_the_upscale_factor() {
    NoiseEstimate e = full(SyntheticNoise.upscaled(480, 360, 600, 4, 7));
    assertThat(e.sigma()[0]).isLessThan(e.pixelSigma()[0] / 4);
    // Bilinear weights at offsets 0, ¼, ½, ¾ give a pixel variance of σ0²·(mean of 1, ⅝, ½, ⅝)².
    assertThat(e.pixelSigma()[0]).isCloseTo(600 * 0.6875, within(600 * 0.6875 * 0.1));
    assertThat(e.correlationLength()).isBetween(3.0, 5.0);
  }

  @Test
  void texture_without_a_sill_is_not_taken_for_correlated_noise() {
    // The upscaled noise alone is measured as correlated (previous test); a product of sines of
    // period 64 px adds a variogram that keeps rising to lag 16, as a textured backdrop's does.
    GrayU16 band = SyntheticNoise.upscaled(480, 360, 600, 4, 7);
    for (int y = 0; y < band.height; y++) {
      for (int x = 0; x < band.width; x++) {
        band.set(x, y, band.get(x, y) + (int) Math.round(3000 * Math.sin(x * Math.PI / 32) * Math.sin(y * Math.PI / 32)));
      }
    }
    NoiseEstimate e = full(band);
    assertThat(e.pixelSigma()[0]).isEqualTo(e.sigma()[0]);
    assertThat(e.correlationLength()).isEqualTo(1.0);
  }

  @Test
  void half_sill_lag_interpolates_the_exact_variogram() {
    double[] variogram = new double[HaarNoiseEstimator.MAX_LAG + 1];
    for (int k = 1; k < variogram.length; k++) {
      variogram[k] = Math.min(k, 3) * Math.min(k, 3);
    }
    assertThat(HaarNoiseEstimator.halfSillLag(variogram)).isCloseTo(2 + (4.5 - 4) / 5.0, within(1e-12));
    variogram[1] = 9;
    assertThat(HaarNoiseEstimator.halfSillLag(variogram)).isEqualTo(1.0);
  }

  @Test
  void too_small_a_background_for_long_lags_counts_as_white_noise() {
    NoiseEstimate e = full(noisyRamp(6, 40, 600, false, 8));
    assertThat(e.pixelSigma()[0]).isEqualTo(e.sigma()[0]);
    assertThat(e.correlationLength()).isEqualTo(1.0);
  }

  @Test
  void returns_nan_without_background() {
    assertThat(estimate(new GrayU16(10, 10), GrayU16.filled(10, 10, 65535))).isNaN();
  }
}
