// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * What Photoshop shows for the recipe's stack, written out plainly for tests: the clean background,
 * the shadow layer in Multiply under its mask, and the shot's product on top with P as its mask.
 * P == 65535 copies the shot's sample.
 */
final class Compositing {
  private Compositing() {}

  static Planar composite(Planar shot, GrayU16 product, CleanBackground layers) {
    Planar out = Planar.create(shot.numBands(), shot.width, shot.height);
    for (int c = 0; c < shot.numBands(); c++) {
      for (int y = 0; y < shot.height; y++) {
        for (int x = 0; x < shot.width; x++) {
          int p = product.get(x, y);
          int original = shot.bands[c].get(x, y);
          if (p == 65535) {
            out.bands[c].set(x, y, original);
            continue;
          }
          double background = layers.background().bands[c].get(x, y) / 65535.0;
          double multiply = layers.shadowLayer().bands[c].get(x, y) / 65535.0;
          double mask = layers.shadowMask().get(x, y) / 65535.0;
          double under = background * (1 - mask * (1 - multiply));
          double alpha = p / 65535.0;
          out.bands[c].set(x, y, (int) Math.round(65535 * (alpha * original / 65535.0 + (1 - alpha) * under)));
        }
      }
    }
    return out;
  }
}
