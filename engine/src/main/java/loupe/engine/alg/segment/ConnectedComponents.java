// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/** 8-connected components of a binary mask, labelled in raster order of their first pixel. */
final class ConnectedComponents {
  /** Per pixel: component id (0-based) or -1 outside the mask. */
  final int[] labels;
  /** Pixel count of each component. */
  final int[] areas;

  private ConnectedComponents(int[] labels, int[] areas) {
    this.labels = labels;
    this.areas = areas;
  }

  /** Labels {@code mask} (Not modified). */
  static ConnectedComponents of(boolean[] mask, int w, int h) {
    int[] labels = new int[w * h];
    java.util.Arrays.fill(labels, -1);
    int[] stack = new int[w * h];
    int[] areas = new int[16];
    int count = 0;
    for (int seed = 0; seed < w * h; seed++) {
      if (!mask[seed] || labels[seed] >= 0) {
        continue;
      }
      if (count == areas.length) {
        areas = java.util.Arrays.copyOf(areas, count * 2);
      }
      int top = 0;
      stack[top++] = seed;
      labels[seed] = count;
      int area = 0;
      while (top > 0) {
        int i = stack[--top];
        area++;
        int x = i % w;
        int y = i / w;
        for (int dy = -1; dy <= 1; dy++) {
          int ny = y + dy;
          if (ny < 0 || ny >= h) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int n = ny * w + nx;
            if (nx >= 0 && nx < w && mask[n] && labels[n] < 0) {
              labels[n] = count;
              stack[top++] = n;
            }
          }
        }
      }
      areas[count++] = area;
    }
    return new ConnectedComponents(labels, java.util.Arrays.copyOf(areas, count));
  }

  int largestArea() {
    int max = 0;
    for (int a : areas) {
      max = Math.max(max, a);
    }
    return max;
  }

  /** The pixels of components whose area is at least {@code minArea}. */
  boolean[] keepAtLeast(int minArea) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] >= 0 && areas[labels[i]] >= minArea;
    }
    return out;
  }
}
