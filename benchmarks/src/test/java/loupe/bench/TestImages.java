// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import loupe.engine.image.GrayU16;

/** Tiny hand-written images for the tests. */
public final class TestImages {
  private TestImages() {}

  /** A w×h image from row-major samples (values above 32767 are fine). */
  public static GrayU16 image(int w, int h, int... v) {
    GrayU16 g = new GrayU16(w, h);
    for (int i = 0; i < v.length; i++) {
      g.data[i] = (short) v[i];
    }
    return g;
  }

  /** The samples row-major, read through the view's stride. */
  public static int[] values(GrayU16 g) {
    int[] out = new int[g.width * g.height];
    for (int y = 0; y < g.height; y++) {
      for (int x = 0; x < g.width; x++) {
        out[y * g.width + x] = g.get(x, y);
      }
    }
    return out;
  }
}
