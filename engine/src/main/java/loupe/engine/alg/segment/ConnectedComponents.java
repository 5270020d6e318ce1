// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Arrays;
import loupe.engine.alg.mask.impl.Regions;

/**
 * 8-connected components of a binary mask ({@link Regions#label}), labelled in raster order of
 * their first pixel and counted from 0 here, with -1 outside.
 */
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
    Regions.Components c = Regions.label(mask, w, h);
    int[] labels = c.labels();
    for (int i = 0; i < labels.length; i++) {
      labels[i]--; // Regions counts from 1 with 0 outside
    }
    return new ConnectedComponents(labels, Arrays.copyOfRange(c.areas(), 1, c.count() + 1));
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
