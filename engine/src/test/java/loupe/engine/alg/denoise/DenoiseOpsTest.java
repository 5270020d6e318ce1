// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestProgress;
import loupe.engine.testing.Trials;
import org.junit.jupiter.api.Test;

class DenoiseOpsTest {
  /** Noisy backdrop, a product disc (P = 65535) with a soft rim, random jewelry values. */
  static Planar image(int w, int h, long seed) {
    Random rnd = new Random(seed);
    Planar out = Planar.create(3, w, h);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 45000 + 40 * x - 30 * y + 3000 * c + rnd.nextGaussian() * 600;
          out.bands[c].set(x, y, (int) Math.max(0, Math.min(65535, v)));
        }
      }
    }
    return out;
  }

  static GrayU16 productMask(int w, int h, long seed) {
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    double cx = rnd.nextInt(w);
    double cy = rnd.nextInt(h);
    double r = 2 + rnd.nextInt(Math.max(1, Math.min(w, h) / 2));
    GrayU16 mask = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - cx, y - cy) - r;
        mask.set(x, y, d < 0 ? 65535 : d < 1.5 ? (int) (65535 * (1 - d / 1.5)) : 0);
      }
    }
    return mask;
  }

  @Trials(count = 40, seed = 1701L, min = {1, 1}, max = {90, 300})
  void pixels_with_any_product_weight_are_copied_bit_exactly(int w, int h, long seed) {
    Planar in = image(w, h, seed);
    GrayU16 p = productMask(w, h, seed);
    Planar out = DenoiseOps.denoiseBackground(in, p, DenoiseConfig.DEFAULT, Progress.NONE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (p.get(x, y) > 0) {
          for (int c = 0; c < 3; c++) {
            assertThat(out.bands[c].get(x, y)).isEqualTo(in.bands[c].get(x, y));
          }
        }
      }
    }
  }

  @Trials(count = 25, seed = 1702L, min = {8, 8}, max = {70, 200})
  void background_never_depends_on_jewelry_values(int w, int h, long seed) {
    Planar in = image(w, h, seed);
    GrayU16 p = productMask(w, h, seed);
    Planar other = in.copy();
    Random rnd = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (p.get(x, y) > 0) {
          for (int c = 0; c < 3; c++) {
            other.bands[c].set(x, y, rnd.nextInt(65536));
          }
        }
      }
    }
    NoiseEstimate noise = new NoiseEstimate(new double[] {600, 600, 600}, 1);
    Planar a = DenoiseOps.denoiseBackground(in, p, noise, null, DenoiseConfig.DEFAULT, Progress.NONE);
    Planar b = DenoiseOps.denoiseBackground(other, p, noise, null, DenoiseConfig.DEFAULT, Progress.NONE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (p.get(x, y) == 0) {
          for (int c = 0; c < 3; c++) {
            assertThat(b.bands[c].get(x, y)).isEqualTo(a.bands[c].get(x, y));
          }
        }
      }
    }
  }

  @Test
  void removes_most_of_the_noise_of_a_flat_backdrop() {
    int w = 120;
    int h = 140;
    Random rnd = new Random(7);
    Planar in = Planar.create(1, w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        in.bands[0].set(x, y, (int) Math.round(50000 + 20 * x + rnd.nextGaussian() * 500));
      }
    }
    Planar out = DenoiseOps.denoiseBackground(in, new GrayU16(w, h), DenoiseConfig.DEFAULT, Progress.NONE);
    double before = 0;
    double after = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double truth = 50000 + 20 * x;
        before += Math.pow(in.bands[0].get(x, y) - truth, 2);
        after += Math.pow(out.bands[0].get(x, y) - truth, 2);
      }
    }
    assertThat(Math.sqrt(after / before)).isLessThan(0.15);
  }

  @Test
  void removes_correlated_noise_that_a_white_noise_estimate_would_leave() {
    // Noise of σ 600 blown up ×4 bilinearly: its finest-scale σ is a tenth of its pixel σ.
    int w = 240;
    int h = 200;
    Planar in = new Planar(SyntheticNoise.upscaled(w, h, 600, 4, 9));
    GrayU16 noProduct = new GrayU16(w, h);
    NoiseEstimate noise = DenoiseOps.estimateNoise(in, noProduct);
    NoiseEstimate white = new NoiseEstimate(noise.sigma(), noise.blocks());
    double left = residualRatio(in, DenoiseOps.denoiseBackground(in, noProduct, noise, null, DenoiseConfig.DEFAULT,
        Progress.NONE));
    double leftIfWhite = residualRatio(in, DenoiseOps.denoiseBackground(in, noProduct, white, null,
        DenoiseConfig.DEFAULT, Progress.NONE));
    assertThat(left).isLessThan(0.2);
    assertThat(leftIfWhite).isGreaterThan(0.6);
  }

  /** RMS of (out − ramp) over RMS of (in − ramp) on band 0, 24 pixels in from the frame. */
  private static double residualRatio(Planar in, Planar out) {
    double before = 0;
    double after = 0;
    for (int y = 24; y < in.height - 24; y++) {
      for (int x = 24; x < in.width - 24; x++) {
        double truth = SyntheticNoise.ramp(x, y);
        before += Math.pow(in.bands[0].get(x, y) - truth, 2);
        after += Math.pow(out.bands[0].get(x, y) - truth, 2);
      }
    }
    return Math.sqrt(after / before);
  }

  @Test
  void strength_zero_returns_the_input() {
    Planar in = image(50, 40, 3);
    GrayU16 p = productMask(50, 40, 3);
    Planar out = DenoiseOps.denoiseBackground(in, p, DenoiseConfig.DEFAULT.withStrength(0), Progress.NONE);
    assertThat(out.sameSamples(in)).isTrue();
  }

  @Test
  void runs_the_same_on_subimage_views() {
    Planar in = image(64, 150, 4);
    GrayU16 p = productMask(64, 150, 4);
    Planar bigImage = Planar.create(3, 100, 200);
    GrayU16 bigMask = new GrayU16(100, 200);
    Planar view = bigImage.subimage(13, 21, 77, 171);
    GrayU16 maskView = bigMask.subimage(13, 21, 77, 171);
    view.setTo(in);
    maskView.setTo(p);
    Planar bigOut = Planar.create(3, 100, 200);
    Planar outView = bigOut.subimage(13, 21, 77, 171);
    Planar expected = DenoiseOps.denoiseBackground(in, p, DenoiseConfig.DEFAULT, Progress.NONE);
    DenoiseOps.denoiseBackground(view, maskView, DenoiseOps.estimateNoise(view, maskView), outView,
        DenoiseConfig.DEFAULT, Progress.NONE);
    assertThat(outView.sameSamples(expected)).isTrue();
  }

  @Test
  void rejects_bad_arguments_with_clear_messages() {
    Planar in = image(20, 20, 5);
    assertThatThrownBy(() -> DenoiseOps.denoiseBackground(in, new GrayU16(21, 20), DenoiseConfig.DEFAULT,
        Progress.NONE)).hasMessageContaining("size mismatch");
    NoiseEstimate noise = DenoiseOps.estimateNoise(in, new GrayU16(20, 20));
    assertThatThrownBy(() -> DenoiseOps.denoiseBackground(in, new GrayU16(20, 20), noise, in, DenoiseConfig.DEFAULT,
        Progress.NONE)).hasMessageContaining("shares its samples");
    assertThatThrownBy(() -> new DenoiseConfig(1.5, 5, 2, 2)).hasMessageContaining("strength");
    assertThatThrownBy(() -> new DenoiseConfig(1, 0, 2, 2)).hasMessageContaining("radius");
  }

  @Test
  void stops_when_cancelled() {
    Planar in = image(40, 400, 6);
    assertThatThrownBy(() -> DenoiseOps.denoiseBackground(in, new GrayU16(40, 400), DenoiseConfig.DEFAULT,
        TestProgress.CANCELLED))
        .isInstanceOf(loupe.engine.CancelledException.class);
  }
}
