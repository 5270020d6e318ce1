// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.SplittableRandom;

/** Random crops for the building-block tests. */
final class CropFixtures {
  private CropFixtures() {}

  /**
   * A crop with smooth random content, a disc-shaped HOLE, a rectangle of OTHER pixels and SOURCE
   * everywhere else.
   */
  static CropImage random(int w, int h, int bands, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CropImage crop = new CropImage(w, h, bands);
    double[] phase = new double[bands];
    for (int c = 0; c < bands; c++) {
      phase[c] = r.nextDouble() * 6;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        for (int c = 0; c < bands; c++) {
          crop.v[p * bands + c] = (float) (30000 + 12000 * Math.sin(0.21 * x + phase[c]) * Math.cos(0.17 * y)
              + 800 * r.nextDouble());
        }
        crop.state[p] = CropImage.SOURCE;
      }
    }
    double cx = w * (0.3 + 0.4 * r.nextDouble());
    double cy = h * (0.3 + 0.4 * r.nextDouble());
    double radius = Math.min(w, h) * (0.1 + 0.1 * r.nextDouble());
    int ox = r.nextInt(w / 2);
    int oy = r.nextInt(h / 2);
    for (int y = oy; y < oy + h / 5; y++) {
      for (int x = ox; x < ox + w / 6; x++) {
        crop.state[y * w + x] = CropImage.OTHER;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
          crop.state[y * w + x] = CropImage.HOLE;
        }
      }
    }
    return crop;
  }
}
