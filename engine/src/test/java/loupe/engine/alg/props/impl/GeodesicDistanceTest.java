// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeodesicDistanceTest {
  @Test
  void matchesBellmanFordRelaxationOnRandomMazes() {
    Random random = new Random(5);
    for (int trial = 0; trial < 40; trial++) {
      int w = 1 + random.nextInt(30);
      int h = 1 + random.nextInt(30);
      boolean[] sources = new boolean[w * h];
      boolean[] passable = new boolean[w * h];
      float[] field = new float[w * h];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = random.nextInt(40) == 0;
        passable[i] = random.nextInt(4) > 0;
        field[i] = random.nextFloat();
      }
      boolean withField = trial % 2 == 1;
      double climb = withField ? 7.5 : 0;
      int cap = trial % 3 == 0 ? 40 : Integer.MAX_VALUE / 2;
      int[] fast = withField ? GeodesicDistance.compute(sources, passable, field, climb, w, h, cap)
          : GeodesicDistance.compute(sources, passable, w, h, cap);
      assertThat(fast).as("trial %d (%dx%d)", trial, w, h)
          .containsExactly(naive(sources, passable, withField ? field : null, climb, w, h, cap));
    }
  }

  @Test
  void aStraightRunCostsThreePerStepAndADiagonalFour() {
    boolean[] sources = new boolean[5 * 5];
    boolean[] passable = new boolean[5 * 5];
    Arrays.fill(passable, true);
    sources[0] = true;
    int[] d = GeodesicDistance.compute(sources, passable, 5, 5, 1000);
    assertThat(d[4]).isEqualTo(12);
    assertThat(d[4 * 5 + 4]).isEqualTo(16);
    assertThat(d[2 * 5 + 4]).isEqualTo(4 + 4 + 3 + 3);
  }

  @Test
  void aWallStopsThePathAndTheSourceNeedNotBePassable() {
    // 5×3, column 2 blocked except the bottom row; the source at (0,0) is not passable itself.
    boolean[] sources = new boolean[15];
    boolean[] passable = new boolean[15];
    Arrays.fill(passable, true);
    passable[0] = false;
    passable[2] = false;
    passable[7] = false;
    sources[0] = true;
    int[] d = GeodesicDistance.compute(sources, passable, 5, 3, 1000);
    assertThat(d[0]).isZero();
    assertThat(d[2]).isEqualTo(GeodesicDistance.UNREACHED);
    assertThat(d[3]).isEqualTo(4 + 4 + 4 + 3); // (1,1), (2,2), (3,1), (3,0)
  }

  /** Relaxes every edge until nothing changes. */
  private static int[] naive(boolean[] sources, boolean[] passable, float[] field, double climb, int w, int h,
      int cap) {
    int[] d = new int[w * h];
    Arrays.fill(d, GeodesicDistance.UNREACHED);
    for (int i = 0; i < d.length; i++) {
      if (sources[i]) {
        d[i] = 0;
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          if (d[i] == GeodesicDistance.UNREACHED) {
            continue;
          }
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int nx = x + dx;
              int ny = y + dy;
              if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= w || ny >= h || !passable[ny * w + nx]) {
                continue;
              }
              int j = ny * w + nx;
              int step = dx != 0 && dy != 0 ? 4 : 3;
              if (field != null) {
                step += (int) Math.round(climb * Math.abs(field[j] - field[i]));
              }
              if (d[i] + step <= cap && d[i] + step < d[j]) {
                d[j] = d[i] + step;
                changed = true;
              }
            }
          }
        }
      }
    }
    return d;
  }
}
