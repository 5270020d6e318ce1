// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class NoiseEstimateTest {
  @Test
  void findsTheSigmaOfGaussianNoiseOnARampWithEdges() {
    Random random = new Random(9);
    Planar image = Planar.create(3, 300, 200);
    double[] sigmas = {1.5, 3.0, 2.0};
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 200; y++) {
        for (int x = 0; x < 300; x++) {
          double v = 120 + 0.2 * x + (x % 50 == 0 ? 80 : 0) + sigmas[c] * random.nextGaussian();
          image.bands[c].set(x, y, (int) Math.round(Math.max(0, Math.min(255, v)) * 257));
        }
      }
    }
    assertThat(NoiseEstimate.sigma(image)).isCloseTo(3.0, within(0.25));
  }

  /**
   * Noise that a 3-px horizontal mean has correlated (as JPEG and resampling do): neighbour
   * differences see σ/√3 of it (58 %), differences 8 px apart all of it.
   */
  @Test
  void aLongerLagSeesCorrelatedNoiseWhole() {
    Random random = new Random(3);
    int w = 400;
    int h = 200;
    double sigma = 6.0;
    Planar image = Planar.create(1, w, h);
    for (int y = 0; y < h; y++) {
      double[] white = new double[w + 2];
      for (int i = 0; i < white.length; i++) {
        white[i] = sigma * Math.sqrt(3) * random.nextGaussian();
      }
      for (int x = 0; x < w; x++) {
        double v = 128 + 0.1 * x + (white[x] + white[x + 1] + white[x + 2]) / 3;
        image.bands[0].set(x, y, (int) Math.round(Math.max(0, Math.min(255, v)) * 257));
      }
    }
    // Neighbours share two of three samples: their difference (w3 − w0) / 3 has σ·√(2/3), σ/√3 after the √2.
    assertThat(NoiseEstimate.sigma(image)).isCloseTo(sigma / Math.sqrt(3), within(0.3));
    assertThat(NoiseEstimate.sigma(image, 8)).isCloseTo(sigma, within(0.4));
  }

  @Test
  void readsSubimageViews() {
    Random random = new Random(4);
    Planar big = Planar.create(3, 120, 90);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < big.bands[c].data.length; i++) {
        big.bands[c].data[i] = (short) (257 * (100 + random.nextInt(9)));
      }
    }
    Planar view = big.subimage(10, 7, 100, 80);
    assertThat(NoiseEstimate.sigma(view)).isEqualTo(NoiseEstimate.sigma(view.copy()));
  }
}
