// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.background.SweepModel;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class SweepFitterTest {
  /** A sweep exactly in the model's family times a known vignette, as sRGB storage. */
  private static Planar shot(int w, int h, double s, double[][] beta) {
    SweepModel truth = new SweepModel(w, h, 3, 2, beta, s, 0, 0);
    Planar out = Planar.create(beta.length, w, h);
    for (int c = 0; c < beta.length; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out.bands[c].set(x, y, Srgb.encode(truth.sweep(c, x, y) * truth.vignetteGain(x, y)));
        }
      }
    }
    return out;
  }

  private static final double[][] BETA = {{-0.2, -0.1, -0.15, 0.05, 0.03, 0.01}, {-0.25, -0.12, -0.1, 0.02, 0.02, 0},
      {-0.3, -0.08, -0.12, 0.04, -0.01, 0.02}};

  @Test
  void recovers_the_vignette_and_the_sweep() {
    int w = 240;
    int h = 160;
    Planar image = shot(w, h, 0.12, BETA);
    GrayU16 nonSample = new GrayU16(w, h);
    for (int y = 50; y < 110; y++) {
      for (int x = 90; x < 150; x++) {
        nonSample.set(x, y, 65535);
        for (int c = 0; c < 3; c++) {
          image.bands[c].set(x, y, 0);
        }
      }
    }
    SweepModel fit = SweepFitter.fit(image, nonSample, 3, 2, 0.5, Progress.NONE);
    assertThat(fit.vignetteStrength()).isCloseTo(0.12, within(0.002));
    SweepModel truth = new SweepModel(w, h, 3, 2, BETA, 0.12, 0, 0);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y += 7) {
        for (int x = 0; x < w; x += 7) {
          assertThat(fit.sweep(c, x, y) / truth.sweep(c, x, y)).isCloseTo(1, within(0.003));
        }
      }
    }
  }

  @Test
  void ignores_dark_blobs_it_was_not_told_about() {
    int w = 240;
    int h = 160;
    Planar image = shot(w, h, 0.1, BETA);
    for (int y = 100; y < 140; y++) {
      for (int x = 20; x < 90; x++) {
        for (int c = 0; c < 3; c++) {
          image.bands[c].set(x, y, image.bands[c].get(x, y) * 3 / 4);
        }
      }
    }
    SweepModel fit = SweepFitter.fit(image, new GrayU16(w, h), 3, 2, 0.5, Progress.NONE);
    assertThat(fit.vignetteStrength()).isCloseTo(0.1, within(0.01));
    SweepModel truth = new SweepModel(w, h, 3, 2, BETA, 0.1, 0, 0);
    assertThat(fit.sweep(1, 200, 30) / truth.sweep(1, 200, 30)).isCloseTo(1, within(0.01));
  }

  @Test
  void refuses_an_image_without_background() {
    Planar image = shot(30, 20, 0, BETA);
    assertThatThrownBy(() -> SweepFitter.fit(image, GrayU16.filled(30, 20, 65535), 3, 2, 0.5, Progress.NONE))
        .isInstanceOf(UnsuitableInputException.class)
        .hasMessageStartingWith("too little background to fit a new sweep: 0 background cells outside the product");
  }
}
