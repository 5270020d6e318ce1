// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class SweepModelTest {
  private static final int W = 400;
  private static final int H = 300;

  /** A sweep-like quadratic: brighter at the top, vignetted towards the corners (levels). */
  private static double truth(int c, double x, double y) {
    double nx = x / W * 2 - 1;
    double ny = y / H * 2 - 1;
    return 220 + 4 * c - 12 * ny - 15 * (nx * nx + ny * ny) + 3 * nx * ny;
  }

  @Test
  void recoversASmoothSurfaceDespiteAThirdOfOutliers() {
    Random random = new Random(42);
    int n = 2000;
    float[][] values = new float[3][n];
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = random.nextDouble() * W;
      ys[i] = random.nextDouble() * H;
      boolean outlier = i % 3 == 0; // jewelry and props: much darker, per sample
      double dark = outlier ? 40 + random.nextDouble() * 150 : 0;
      for (int c = 0; c < 3; c++) {
        values[c][i] = (float) (truth(c, xs[i], ys[i]) - dark + random.nextGaussian());
      }
    }
    SweepModel model = SweepModel.fit(values, xs, ys, W, H, 4);
    for (int y = 0; y < H; y += 37) {
      for (int x = 0; x < W; x += 41) {
        for (int c = 0; c < 3; c++) {
          assertThat(model.value(c, x, y)).isCloseTo(truth(c, x, y), within(0.5));
        }
      }
    }
  }

  @Test
  void samplingOnTheWorkGridAgreesWithPointEvaluation() {
    Planar image = Planar.create(3, 97, 61);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 61; y++) {
        for (int x = 0; x < 97; x++) {
          image.bands[c].set(x, y, (int) Math.round(257 * (150 + c * 20 + 0.3 * x - 0.2 * y)));
        }
      }
    }
    WorkImage work = WorkImage.of(image, 4, Progress.NONE);
    SweepModel model = SweepModel.fit(work, 3);
    Plane[] sampled = model.sample(work);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < work.height; y++) {
        for (int x = 0; x < work.width; x++) {
          assertThat((double) sampled[c].get(x, y)).isCloseTo(model.value(c, work.centreX(x), work.centreY(y)), within(1e-3));
        }
      }
    }
    // A plane is exactly representable, so the fit reproduces the block means.
    assertThat((double) sampled[1].get(3, 2)).isCloseTo(work.channels[1].get(3, 2), within(0.05));
  }

  @Test
  void refusesTooFewSamples() {
    assertThatThrownBy(() -> SweepModel.fit(new float[][] {{1, 2}}, new double[] {0, 1}, new double[] {0, 1}, 10, 10, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 samples");
  }
}
