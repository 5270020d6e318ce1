// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import loupe.engine.alg.background.CleanBackground;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * What the clean-background stack shows (as Photoshop draws it), written out for the tests: the clean background with the
 * shadow layer in Multiply under its mask, out = bg·(1 − m·(1 − s)) per band on normalised
 * values, and the shot on top with P as its mask (P == 65535 keeps the shot's sample).
 */
public final class LayerComposite {
  private LayerComposite() {}

  /**
   * @param shot Not modified
   * @param product P; Not modified
   */
  public static Planar of(Planar shot, GrayU16 product, CleanBackground layers) {
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
          double bg = layers.background().bands[c].get(x, y) / 65535.0;
          double multiply = layers.shadowLayer().bands[c].get(x, y) / 65535.0;
          double mask = layers.shadowMask().get(x, y) / 65535.0;
          double under = bg * (1 - mask * (1 - multiply));
          double alpha = p / 65535.0;
          out.bands[c].set(x, y, (int) Math.round(65535 * (alpha * original / 65535.0 + (1 - alpha) * under)));
        }
      }
    }
    return out;
  }
}
