// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import loupe.engine.image.GrayU16;

/**
 * How much of a filtered result to take at each pixel, so that the transition lives entirely on
 * the background side of the product edge: 0 wherever the product mask P is above zero (those
 * pixels are kept as shot), rising linearly with the {@link ChamferDistance} d to the nearest
 * P &gt; 0 pixel to 1 at d = feather + 1 pixels.
 */
public final class EdgeFeather {
  private EdgeFeather() {}

  /**
   * Fills {@code out[(y - y0) * width + x]} for rows [y0, y1) with the blend weight in 0..1.
   *
   * @param productMask P, 65535 = jewelry; Not modified
   * @param distance scratch of at least width × (y1 − y0) ints, Modified
   * @param out Modified
   */
  public static void weights(GrayU16 productMask, int y0, int y1, int feather, int[] distance, double[] out) {
    int cap = ChamferDistance.UNIT * (feather + 1);
    ChamferDistance.compute(productMask, y0, y1, cap, distance);
    int n = (y1 - y0) * productMask.width;
    for (int i = 0; i < n; i++) {
      out[i] = distance[i] / (double) cap;
    }
  }
}
