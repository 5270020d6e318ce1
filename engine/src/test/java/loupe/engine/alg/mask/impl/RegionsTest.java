// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionsTest {
  @Test
  void labelsMatchANaive8ConnectedFloodFill() {
    Random random = new Random(3);
    for (int trial = 0; trial < 30; trial++) {
      int w = 1 + random.nextInt(40);
      int h = 1 + random.nextInt(40);
      boolean[] set = randomSet(random, w, h);
      Regions.Components fast = Regions.label(set, w, h);
      int[] oracle = flood(set, w, h, true);
      for (int i = 0; i < set.length; i++) {
        for (int j = i + 1; j < Math.min(set.length, i + 50); j++) {
          assertThat(fast.labels()[i] == fast.labels()[j]).isEqualTo(oracle[i] == oracle[j]);
        }
        assertThat(fast.labels()[i] == 0).isEqualTo(!set[i]);
      }
      int[] counted = new int[fast.count() + 1];
      for (int l : fast.labels()) {
        counted[l]++;
      }
      for (int l = 1; l <= fast.count(); l++) {
        assertThat(fast.areas()[l]).isEqualTo(counted[l]);
      }
    }
  }

  @Test
  void fillHolesMatchesANaive4ConnectedFloodFromTheBorder() {
    Random random = new Random(8);
    for (int trial = 0; trial < 30; trial++) {
      int w = 1 + random.nextInt(40);
      int h = 1 + random.nextInt(40);
      boolean[] set = randomSet(random, w, h);
      boolean[] filled = Regions.fillHoles(set, w, h);
      boolean[] reached = reachFromBorder(set, w, h);
      for (int i = 0; i < set.length; i++) {
        assertThat(filled[i]).isEqualTo(set[i] || !reached[i]);
      }
    }
  }

  @Test
  void aDiagonalGapDoesNotOpenAHole() {
    // A ring of 8-connected pixels with only diagonal steps: its centre is a hole.
    boolean[] set = new boolean[25];
    for (int i : new int[] {2, 6, 8, 10, 14, 16, 18, 22}) {
      set[i] = true;
    }
    assertThat(Regions.fillHoles(set, 5, 5)[12]).isTrue();
    assertThat(Regions.label(set, 5, 5).count()).isEqualTo(1);
  }

  private static boolean[] randomSet(Random random, int w, int h) {
    boolean[] set = new boolean[w * h];
    for (int i = 0; i < set.length; i++) {
      set[i] = random.nextInt(5) < 2;
    }
    return set;
  }

  private static int[] flood(boolean[] set, int w, int h, boolean eight) {
    int[] labels = new int[set.length];
    int next = 0;
    for (int s = 0; s < set.length; s++) {
      if (!set[s] || labels[s] != 0) {
        continue;
      }
      next++;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(s);
      labels[s] = next;
      while (!queue.isEmpty()) {
        int i = queue.poll();
        for (int j : neighbours(i, w, h, eight)) {
          if (set[j] && labels[j] == 0) {
            labels[j] = next;
            queue.add(j);
          }
        }
      }
    }
    return labels;
  }

  private static boolean[] reachFromBorder(boolean[] set, int w, int h) {
    boolean[] reached = new boolean[set.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && !set[i]) {
          reached[i] = true;
          queue.add(i);
        }
      }
    }
    while (!queue.isEmpty()) {
      int i = queue.poll();
      for (int j : neighbours(i, w, h, false)) {
        if (!set[j] && !reached[j]) {
          reached[j] = true;
          queue.add(j);
        }
      }
    }
    return reached;
  }

  private static int[] neighbours(int i, int w, int h, boolean eight) {
    int x = i % w;
    int y = i / w;
    int[] out = new int[8];
    int n = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
          continue;
        }
        int nx = x + dx;
        int ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
          out[n++] = ny * w + nx;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
