// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.Arrays;
import loupe.engine.alg.mask.impl.Neighbours8;

/**
 * Geodesic distance on a grid: the cost of the cheapest 8-connected path from a source pixel that
 * runs through passable pixels only. A step costs its 3-4 chamfer length (Borgefors, "Distance
 * transformations in digital images", CVGIP 1986; 3 units per pixel along an axis) plus {@code
 * climb} units per unit of change of a height field along it (a path that crosses an edge of the
 * field pays for it, as in the geodesic active regions of image segmentation). Computed by
 * Dijkstra's algorithm on a binary heap. Sources need not be passable: a path may start on one
 * and then only enter passable pixels.
 */
public final class GeodesicDistance {
  /** Distance of pixels no path reaches. */
  public static final int UNREACHED = Integer.MAX_VALUE;
  /** Chamfer units per pixel step along an axis. */
  public static final int UNIT = 3;
  private static final int DIAGONAL = 4;

  private GeodesicDistance() {}

  /** Plain geodesic length (no height field). */
  public static int[] compute(boolean[] sources, boolean[] passable, int width, int height, int cap) {
    return compute(sources, passable, null, 0, width, height, cap);
  }

  /**
   * @param sources Not modified
   * @param passable Not modified
   * @param field heights, or null for none; Not modified
   * @param climb chamfer units per unit of height change
   * @param cap paths costlier than this (chamfer units) are not followed; their pixels stay {@link
   *     #UNREACHED}
   * @return path costs in chamfer units, 0 on the sources
   */
  public static int[] compute(boolean[] sources, boolean[] passable, float[] field, double climb, int width,
      int height, int cap) {
    int n = width * height;
    int[] distance = new int[n];
    Arrays.fill(distance, UNREACHED);
    LongHeap heap = new LongHeap(1024);
    int[] around = new int[Neighbours8.MAX];
    for (int i = 0; i < n; i++) {
      if (sources[i]) {
        distance[i] = 0;
        heap.push((long) i);
      }
    }
    while (!heap.isEmpty()) {
      long top = heap.pop();
      int d = (int) (top >>> 32);
      int i = (int) top;
      if (d != distance[i]) {
        continue;
      }
      int count = Neighbours8.of(i, width, height, around);
      for (int k = 0; k < count; k++) {
        int j = around[k];
        if (j == i) {
          continue;
        }
        int step = j % width != i % width && j / width != i / width ? DIAGONAL : UNIT;
        if (field != null) {
          step += (int) Math.round(climb * Math.abs(field[j] - field[i]));
        }
        int nd = d + step;
        if (passable[j] && nd >= 0 && nd < distance[j] && nd <= cap) {
          distance[j] = nd;
          heap.push(((long) nd << 32) | j);
        }
      }
    }
    return distance;
  }

  /** A min-heap of longs (distance in the high half, pixel index in the low half). */
  private static final class LongHeap {
    private long[] items;
    private int size;

    LongHeap(int capacity) {
      items = new long[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(long value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, 2 * size);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (items[parent] <= value) {
          break;
        }
        items[i] = items[parent];
        i = parent;
      }
      items[i] = value;
    }

    long pop() {
      long result = items[0];
      long last = items[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && items[child + 1] < items[child]) {
          child++;
        }
        if (items[child] >= last) {
          break;
        }
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
      return result;
    }
  }
}
