// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import loupe.engine.Progress;
import org.junit.jupiter.api.Test;

class PatchFieldTest {

  /** Naive oracle: the patch distance straight from its definition. */
  static double naiveDistance(CropImage crop, int t, int s, int r) {
    int w = crop.width;
    double sum = 0;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        int tx = t % w + dx;
        int ty = t / w + dy;
        if (tx < 0 || ty < 0 || tx >= w || ty >= crop.height || crop.state[ty * w + tx] == CropImage.OTHER) {
          continue;
        }
        int sp = (s / w + dy) * w + s % w + dx;
        for (int c = 0; c < crop.bands; c++) {
          double d = crop.v[(ty * w + tx) * crop.bands + c] - crop.v[sp * crop.bands + c];
          sum += d * d;
        }
      }
    }
    return sum;
  }

  static boolean naiveValid(CropImage crop, int s, int r) {
    int w = crop.width;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        int x = s % w + dx;
        int y = s / w + dy;
        if (x < 0 || y < 0 || x >= w || y >= crop.height || crop.state[y * w + x] != CropImage.SOURCE) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void distanceAndValidityMatchTheirDefinitions() {
    CropImage crop = CropFixtures.random(40, 33, 3, 11);
    PatchField field = new PatchField(crop, 5);
    SplittableRandom random = new SplittableRandom(3);
    for (int p = 0; p < crop.state.length; p++) {
      assertThat(field.validSource[p]).isEqualTo(naiveValid(crop, p, 2));
    }
    for (int i = 0; i < 500; i++) {
      int t = field.targets[random.nextInt(field.targets.length)];
      int s = field.validList[random.nextInt(field.validList.length)];
      double expected = naiveDistance(crop, t, s, 2);
      double got = field.distance(t, s, Float.POSITIVE_INFINITY);
      assertThat(got).isCloseTo(expected, within(1e-4 * expected + 1));
    }
  }

  @Test
  void targetsAreThePatchesThatOverlapTheHole() {
    CropImage crop = CropFixtures.random(37, 29, 2, 5);
    PatchField field = new PatchField(crop, 7);
    for (int p = 0; p < crop.state.length; p++) {
      boolean overlaps = false;
      for (int dy = -3; dy <= 3; dy++) {
        for (int dx = -3; dx <= 3; dx++) {
          int x = p % 37 + dx;
          int y = p / 37 + dy;
          overlaps |= x >= 0 && y >= 0 && x < 37 && y < 29 && crop.state[y * 37 + x] == CropImage.HOLE;
        }
      }
      assertThat(field.isTarget[p]).isEqualTo(overlaps);
    }
  }

  /** PatchMatch against the exhaustive nearest-neighbour search it approximates. */
  @Test
  void patchMatchFindsTheBruteForceNearestNeighbourForMostTargets() {
    CropImage crop = CropFixtures.random(48, 40, 3, 21);
    PatchField field = new PatchField(crop, 5);
    field.randomise(new SplittableRandom(1));
    field.refreshCosts();
    for (int sweep = 0; sweep < 16; sweep++) {
      field.sweep(sweep, Math.max(crop.width, crop.height), 100 + sweep, Progress.NONE);
    }
    int exact = 0;
    double excess = 0;
    for (int t : field.targets) {
      double best = Double.POSITIVE_INFINITY;
      for (int s : field.validList) {
        best = Math.min(best, naiveDistance(crop, t, s, 2));
      }
      double found = naiveDistance(crop, t, field.nnf[t], 2);
      assertThat(field.validSource[field.nnf[t]]).isTrue();
      assertThat((double) field.cost[t]).isCloseTo(found, within(1e-4 * found + 1));
      assertThat(found).isGreaterThanOrEqualTo(best * (1 - 1e-6));
      if (found <= best * (1 + 1e-4) + 1) {
        exact++;
      }
      excess += found / best - 1;
    }
    assertThat((double) exact / field.targets.length).isGreaterThan(0.9);
    assertThat(excess / field.targets.length).isLessThan(0.2); // the misses are local optima, not garbage
  }

  @Test
  void sweepsAreDeterministic() {
    CropImage crop = CropFixtures.random(60, 50, 3, 8);
    int[][] runs = new int[2][];
    for (int run = 0; run < 2; run++) {
      PatchField field = new PatchField(crop, 7);
      field.randomise(new SplittableRandom(4));
      field.refreshCosts();
      for (int sweep = 0; sweep < 3; sweep++) {
        field.sweep(sweep, 60, 42 + sweep, Progress.NONE);
      }
      runs[run] = field.nnf.clone();
    }
    assertThat(runs[1]).isEqualTo(runs[0]);
  }
}
