// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * Connected regions of a binary grid: 8-connected components of the set (so a diagonal run of a
 * thin outline holds together) and holes, the 4-connected components of the complement that do
 * not reach the frame (the duals of 8-connectivity, so a hole never leaks through a diagonal gap).
 */
public final class Regions {
  private Regions() {}

  /**
   * Component labels.
   *
   * @param labels per pixel, 0 outside the set, 1..count inside
   * @param areas pixels per label, index 0 unused
   */
  public record Components(int[] labels, int count, int[] areas) {}

  /** @param set Not modified */
  public static Components label(boolean[] set, int width, int height) {
    return label(set, width, height, true);
  }

  /**
   * The set with every hole filled: pixels outside it that cannot reach the frame's border
   * through 4-connected pixels outside it.
   *
   * @param set Not modified
   * @return a new array
   */
  public static boolean[] fillHoles(boolean[] set, int width, int height) {
    boolean[] outside = new boolean[set.length];
    for (int i = 0; i < set.length; i++) {
      outside[i] = !set[i];
    }
    Components holes = label(outside, width, height, false);
    boolean[] reachesFrame = new boolean[holes.count() + 1];
    for (int x = 0; x < width; x++) {
      reachesFrame[holes.labels()[x]] = true;
      reachesFrame[holes.labels()[(height - 1) * width + x]] = true;
    }
    for (int y = 0; y < height; y++) {
      reachesFrame[holes.labels()[y * width]] = true;
      reachesFrame[holes.labels()[y * width + width - 1]] = true;
    }
    boolean[] out = set.clone();
    for (int i = 0; i < out.length; i++) {
      int l = holes.labels()[i];
      if (l > 0 && !reachesFrame[l]) {
        out[i] = true;
      }
    }
    return out;
  }

  private static Components label(boolean[] set, int width, int height, boolean eight) {
    int[] labels = new int[set.length];
    int[] areas = new int[16];
    int count = 0;
    boolean[] seen = new boolean[set.length];
    FloodFill flood = new FloodFill(width, height, eight);
    for (int start = 0; start < set.length; start++) {
      if (!set[start] || seen[start]) {
        continue;
      }
      count++;
      if (count == areas.length) {
        areas = java.util.Arrays.copyOf(areas, 2 * areas.length);
      }
      int area = flood.fill(start, seen, q -> set[q]);
      int[] members = flood.members();
      for (int k = 0; k < area; k++) {
        labels[members[k]] = count;
      }
      areas[count] = area;
    }
    return new Components(labels, count, java.util.Arrays.copyOf(areas, count + 1));
  }
}
