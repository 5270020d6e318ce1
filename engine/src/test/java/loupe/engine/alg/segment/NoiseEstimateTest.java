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
