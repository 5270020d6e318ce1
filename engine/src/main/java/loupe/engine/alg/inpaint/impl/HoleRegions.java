// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import loupe.engine.alg.mask.impl.FloodFill;
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
    FloodFill flood = new FloodFill(w, h);
    IntPredicate inside = p -> hole.data[hole.index(p % w, p / w)] != 0;
    List<HoleRegion> regions = new ArrayList<>();
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || !inside.test(start)) {
        continue;
      }
      int count = flood.fill(start, seen, inside);
      int[] members = flood.members();
      long edges = 0;
      for (int i = 0; i < count; i++) {
        edges += openEdges(hole, members[i] % w, members[i] / w);
      }
      regions.add(new HoleRegion(FloodFill.bounds(members, count, w), count, edges));
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
