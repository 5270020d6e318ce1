// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/** Finds the 8-connected components of {@code hole > 0}. */
final class HoleRegions {
  private HoleRegions() {}

  /**
   * Components in raster order of their first pixel.
   *
   * @param hole Not modified.
   */
  static List<HoleRegion> find(GrayU16 hole) {
    int w = hole.width;
    int h = hole.height;
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[64];
    List<HoleRegion> regions = new ArrayList<>();
    for (int y = 0; y < h; y++) {
      int row = hole.startIndex + y * hole.stride;
      for (int x = 0; x < w; x++) {
        if (seen[y * w + x] || hole.data[row + x] == 0) {
          continue;
        }
        int left = x;
        int right = x;
        int top = y;
        int bottom = y;
        long area = 0;
        long edges = 0;
        int size = 0;
        stack[size++] = y * w + x;
        seen[y * w + x] = true;
        while (size > 0) {
          int p = stack[--size];
          int px = p % w;
          int py = p / w;
          area++;
          left = Math.min(left, px);
          right = Math.max(right, px);
          top = Math.min(top, py);
          bottom = Math.max(bottom, py);
          edges += openEdges(hole, px, py);
          for (int dy = -1; dy <= 1; dy++) {
            int ny = py + dy;
            if (ny < 0 || ny >= h) {
              continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
              int nx = px + dx;
              if (nx < 0 || nx >= w || seen[ny * w + nx] || hole.data[hole.index(nx, ny)] == 0) {
                continue;
              }
              seen[ny * w + nx] = true;
              if (size == stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
              }
              stack[size++] = ny * w + nx;
            }
          }
        }
        regions.add(new HoleRegion(new Rect(left, top, right + 1, bottom + 1), area, edges));
      }
    }
    return regions;
  }

  private static int openEdges(GrayU16 hole, int x, int y) {
    int n = 0;
    if (x > 0 && hole.data[hole.index(x - 1, y)] == 0) {
      n++;
    }
    if (x + 1 < hole.width && hole.data[hole.index(x + 1, y)] == 0) {
      n++;
    }
    if (y > 0 && hole.data[hole.index(x, y - 1)] == 0) {
      n++;
    }
    if (y + 1 < hole.height && hole.data[hole.index(x, y + 1)] == 0) {
      n++;
    }
    return n;
  }
}
