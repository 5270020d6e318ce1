// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeviationMapsTest {
  private static final int W = 40;
  private static final int H = 30;
  private static final double[] SWEEP = {0.8, 0.7, 0.6};

  /** A flat sweep with a neutral shadow (x < 12), a tinted prop (x ≥ 28) and a garish product block. */
  private static ReducedShot shot() {
    float[][] linear = new float[3][W * H];
    boolean[] product = new boolean[W * H];
    double[] tint = {0.9, 0.8, 0.6};
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = y * W + x;
        for (int c = 0; c < 3; c++) {
          double v = SWEEP[c];
          if (x < 12) {
            v *= 0.6;
          } else if (x >= 28) {
            v *= tint[c];
          }
          linear[c][i] = (float) v;
        }
        if (x >= 18 && x < 22 && y >= 10 && y < 20) {
          product[i] = true;
          linear[0][i] = 1;
          linear[1][i] = 0.01f;
          linear[2][i] = 1;
        }
      }
    }
    return new ReducedShot(1, W, H, linear, new float[W * H], product);
  }

  private static RobustSurface flatSweep() {
    float[][] logs = new float[3][W * H];
    for (int c = 0; c < 3; c++) {
      Arrays.fill(logs[c], (float) Math.log(SWEEP[c]));
    }
    boolean[] all = new boolean[W * H];
    Arrays.fill(all, true);
    return RobustSurface.fit(logs, all, W, H, 2);
  }

  @Test
  void aShadowIsAGainWithoutColourAndAPropIsColoured() {
    ReducedShot shot = shot();
    boolean[] sample = new boolean[W * H];
    Arrays.fill(sample, true);
    DeviationMaps maps = DeviationMaps.measure(shot, flatSweep(), sample, 2);
    int shadow = 15 * W + 5;
    int sweep = 5 * W + 15;
    int prop = 15 * W + 34;
    assertThat(maps.gain()[shadow]).isCloseTo(0.6f, within(1e-5f));
    assertThat(maps.chroma()[shadow]).isLessThan(1e-5f);
    assertThat(maps.gain()[sweep]).isCloseTo(1f, within(1e-5f));
    assertThat(maps.chroma()[sweep]).isLessThan(1e-5f);
    double rho = (0.9 + 0.8 + 0.6) / 3;
    double expected = Math.sqrt(Math.pow(0.9 / rho - 1, 2) + Math.pow(0.8 / rho - 1, 2) + Math.pow(0.6 / rho - 1, 2));
    assertThat(maps.gain()[prop]).isCloseTo((float) rho, within(1e-5f));
    assertThat(maps.chroma()[prop]).isCloseTo((float) expected, within(1e-4f));
  }

  @Test
  void theColourWindowNeverReadsProductBlocks() {
    boolean[] sample = new boolean[W * H];
    Arrays.fill(sample, true);
    DeviationMaps maps = DeviationMaps.measure(shot(), flatSweep(), sample, 2);
    for (int y = 8; y < 22; y++) {
      for (int x = 16; x < 24; x++) {
        if (x < 18 || x >= 22 || y < 10 || y >= 20) {
          assertThat(maps.chroma()[y * W + x]).as("(%d,%d)", x, y).isLessThan(1e-5f);
        }
      }
    }
  }

  @Test
  void noiseLevelsComeFromTheSamplePixelsOnly() {
    boolean[] sample = new boolean[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 12; x < 28; x++) {
        sample[y * W + x] = x < 18 || x >= 22;
      }
    }
    DeviationMaps maps = DeviationMaps.measure(shot(), flatSweep(), sample, 2);
    assertThat(maps.gainNoise()).isLessThan(1e-5);
    assertThat(maps.chromaNoise()).isLessThan(1e-5);
  }
}
