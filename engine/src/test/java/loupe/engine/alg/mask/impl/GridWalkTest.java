// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Neighbours8}, {@link FloodFill} and {@link OnionPeel} against naive relaxations. */
class GridWalkTest {
  private static boolean[] random(Random rnd, int n, double p) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = rnd.nextDouble() < p;
    }
    return out;
  }

  private static boolean adjacent(int p, int q, int w) {
    return Math.abs(p % w - q % w) <= 1 && Math.abs(p / w - q / w) <= 1;
  }

  /** A grid side of 1..max pixels. */
  private static int side(Random rnd, int max) {
    return 1 + rnd.nextInt(max);
  }

  /** One naive update of pixel p from its 8-neighbour q; true when p changed. */
  private interface Step {
    boolean apply(int p, int q);
  }

  /** Applies {@code step} to every ordered pair of 8-adjacent pixels until nothing changes. */
  private static void untilStable(int w, int h, Step step) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int p = 0; p < w * h; p++) {
        for (int q = 0; q < w * h; q++) {
          changed |= q != p && adjacent(p, q, w) && step.apply(p, q);
        }
      }
    }
  }

  @Test
  void neighbourhoods_are_the_clipped_square_in_raster_order() {
    int[] out = new int[Neighbours8.MAX];
    Random rnd = new Random(1);
    for (int w = 1; w <= 5; w++) {
      for (int h = 1; h <= 5; h++) {
        boolean[] plane = random(rnd, w * h, 0.2);
        for (int p = 0; p < w * h; p++) {
          List<Integer> expected = new ArrayList<>();
          boolean any = false;
          for (int q = 0; q < w * h; q++) {
            if (adjacent(p, q, w)) {
              expected.add(q);
              any |= plane[q];
            }
          }
          int n = Neighbours8.of(p, w, h, out);
          assertThat(Arrays.stream(out, 0, n).boxed().toList()).isEqualTo(expected);
          assertThat(Neighbours8.any(plane, p, w, h)).isEqualTo(any);
        }
      }
    }
  }

  @Test
  void flood_fills_are_the_8_or_4_connected_components() {
    Random rnd = new Random(2);
    for (int trial = 0; trial < 80; trial++) {
      boolean eight = trial % 2 == 0;
      int w = side(rnd, 30);
      int h = side(rnd, 30);
      boolean[] set = random(rnd, w * h, 0.45);
      // Naive: every set pixel takes the smallest label among its set neighbours until nothing changes.
      int[] label = new int[w * h];
      for (int p = 0; p < w * h; p++) {
        label[p] = set[p] ? p : -1;
      }
      untilStable(w, h, (p, q) -> {
        boolean step = eight || p % w == q % w || p / w == q / w;
        boolean lower = step && set[p] && set[q] && label[q] < label[p];
        if (lower) {
          label[p] = label[q];
        }
        return lower;
      });
      boolean[] seen = new boolean[w * h];
      FloodFill flood = new FloodFill(w, h, eight);
      for (int start = 0; start < w * h; start++) {
        if (!set[start] || seen[start]) {
          continue;
        }
        int count = flood.fill(start, seen, q -> set[q]);
        int component = label[start];
        int[] members = Arrays.copyOf(flood.members(), count);
        assertThat(count).as("trial %d, eight %b", trial, eight).isEqualTo(Arrays.stream(label).filter(l -> l == component).count());
        assertThat(Arrays.stream(members).allMatch(m -> label[m] == component)).isTrue();
      }
    }
  }

  @Test
  void onion_order_walks_outwards_and_the_fill_copies_a_lone_known_value() {
    for (int trial = 0; trial < 40; trial++) {
      Random rnd = new Random(300 + trial); // one seed a trial: a failing case replays alone
      int w = side(rnd, 25);
      int h = side(rnd, 25);
      boolean[] known = random(rnd, w * h, 0.03);
      boolean[] fillable = random(rnd, w * h, 0.7);
      for (int p = 0; p < w * h; p++) {
        fillable[p] &= !known[p];
      }
      // Naive ring number: 8-connected steps from a known pixel through fillable pixels.
      int far = Integer.MAX_VALUE;
      int[] ring = new int[w * h];
      Arrays.fill(ring, far);
      untilStable(w, h, (p, q) -> {
        int via = known[q] ? 1 : fillable[q] && ring[q] < far ? ring[q] + 1 : far;
        boolean nearer = fillable[p] && via < ring[p];
        if (nearer) {
          ring[p] = via;
        }
        return nearer;
      });
      int[] order = OnionPeel.order(known, fillable, w, h);
      assertThat(Arrays.stream(order).sorted().toArray())
          .isEqualTo(java.util.stream.IntStream.range(0, w * h).filter(p -> fillable[p]).toArray());
      for (int i = 1; i < order.length; i++) {
        assertThat(ring[order[i]]).as("trial %d", trial).isGreaterThanOrEqualTo(ring[order[i - 1]]);
      }
      // Two bands, interleaved: every known pixel holds (7, −3), so every reachable pixel gets it.
      float[] values = new float[2 * w * h];
      for (int p = 0; p < w * h; p++) {
        values[2 * p] = known[p] ? 7 : 1000;
        values[2 * p + 1] = known[p] ? -3 : 1000;
      }
      boolean[] knownNow = known.clone();
      OnionPeel.fill(values, 2, knownNow, order, w, h, new float[] {11, 12});
      for (int p = 0; p < w * h; p++) {
        if (fillable[p]) {
          assertThat(knownNow[p]).isTrue();
        }
        if (fillable[p] && ring[p] < far) {
          assertThat(new float[] {values[2 * p], values[2 * p + 1]}).containsExactly(7, -3);
        } else if (!fillable[p]) {
          assertThat(values[2 * p]).isEqualTo(known[p] ? 7 : 1000);
        }
      }
    }
  }
}
