// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustSurfaceTest {
  private static final int W = 100;
  private static final int H = 80;

  /** A smooth log surface per band: a bend along y, a tilt along x and a radial fall-off. */
  private static double truth(int band, double x, double y) {
    double u = (x - 50) / 50;
    double v = (y - 40) / 50;
    return -0.1 * band - 0.3 * v * v + 0.05 * u - 0.12 * (u * u + v * v) + 0.04 * u * v;
  }

  private static double fitted(RobustSurface s, int band, double x, double y) {
    double[] out = new double[s.numBands()];
    s.values(x, y, out);
    return Math.log(out[band]);
  }

  private static float[][] values(Random noise, double sigma) {
    float[][] out = new float[3][W * H];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          out[c][y * W + x] = (float) (truth(c, x, y) + sigma * noise.nextGaussian());
        }
      }
    }
    return out;
  }

  @Test
  void reproducesAPolynomialOfLowerDegreeExactly() {
    boolean[] all = new boolean[W * H];
    Arrays.fill(all, true);
    RobustSurface s = RobustSurface.fit(values(new Random(1), 0), all, W, H, 4);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < H; y += 7) {
        for (int x = 0; x < W; x += 9) {
          assertThat(fitted(s, c, x, y)).isCloseTo(truth(c, x, y), within(1e-6));
        }
      }
    }
    double[] out = new double[3];
    s.values(30.5, 12.25, out);
    assertThat(out[1]).isCloseTo(Math.exp(truth(1, 30.5, 12.25)), within(1e-6));
  }

  @Test
  void ignoresALargeDarkPropAndTheUnsampledPixels() {
    float[][] values = values(new Random(2), 0.01);
    boolean[] sample = new boolean[W * H];
    Arrays.fill(sample, true);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double dx = (x - 35) / 22.0;
        double dy = (y - 50) / 14.0;
        if (dx * dx + dy * dy < 1) { // a prop over an eighth of the frame, half as bright as the sweep
          for (float[] band : values) {
            band[y * W + x] -= 0.7f;
          }
        }
        if (x > 85 && y < 20) { // the "product": garbage, not sampled
          for (float[] band : values) {
            band[y * W + x] = 5;
          }
          sample[y * W + x] = false;
        }
      }
    }
    RobustSurface s = RobustSurface.fit(values, sample, W, H, 4);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < H; y += 5) {
        for (int x = 0; x < W; x += 5) {
          assertThat(fitted(s, c, x, y)).as("band %d at (%d,%d)", c, x, y).isCloseTo(truth(c, x, y), within(0.01));
        }
      }
    }
    // RMS over 3 bands of N(0, 0.01²): median 0.0089, ×1.4826 = 0.0132; the prop's cells lift the median a little.
    assertThat(s.residualScale()).isBetween(0.012, 0.016);
  }

  @Test
  void refusesAFitWithTooFewSamples() {
    boolean[] sample = new boolean[W * H];
    for (int i = 0; i < 30; i++) {
      sample[i] = true;
    }
    assertThatThrownBy(() -> RobustSurface.fit(values(new Random(3), 0), sample, W, H, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few background cells");
    assertThatThrownBy(() -> RobustSurface.fit(values(new Random(3), 0), sample, W, H, 9))
        .hasMessageContaining("degree");
  }
}
