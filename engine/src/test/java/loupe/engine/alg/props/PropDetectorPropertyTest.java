// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.testing.Trials;

/**
 * Jewelry safety on random propped shots: whatever the product mask (the stone, plus random soft
 * discs that swallow parts of the putty or the sweep, as an imperfect segmenter does) and whatever
 * the guard radius and margin, the detector never marks a pixel with P &gt; 0 nor one within the
 * guard radius of it, and marks only 0 or 65535.
 */
class PropDetectorPropertyTest {
  @Trials(count = 30, seed = 20251129L)
  void neverMarksTheProductNorItsGuardBand(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = 64 + r.nextInt(120);
    int h = 48 + r.nextInt(100);
    StudioShot shot = StudioShot.of(w, h, r.nextInt(4) > 0, r.nextLong());
    GrayU16 product = shot.product().copy();
    int discs = r.nextInt(4);
    for (int k = 0; k < discs; k++) {
      int cx = r.nextInt(w);
      int cy = r.nextInt(h);
      int radius = 1 + r.nextInt(Math.min(w, h) / 6);
      int value = 1 + r.nextInt(65535);
      for (int y = Math.max(0, cy - radius); y < Math.min(h, cy + radius + 1); y++) {
        for (int x = Math.max(0, cx - radius); x < Math.min(w, cx + radius + 1); x++) {
          if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
            product.set(x, y, Math.max(product.get(x, y), value));
          }
        }
      }
    }
    PropConfig d = PropConfig.DEFAULT;
    double guard = r.nextInt(9) / 2.0;
    PropConfig cfg = new PropConfig(32 + r.nextInt(100), d.surfaceDegree(), d.gainSigmas(), d.minDeviation(),
        d.chromaFactor(), d.minChroma(), r.nextInt(4), d.minBodyFraction(), d.maxBodyTexture(), d.shadowReach(), d.productBias(),
        r.nextInt(10), d.gainEdgeCost(), guard, r.nextInt(5));
    GrayU16 found = PropDetector.detect(shot.image(), product, cfg, Progress.NONE);
    PropDetectorTest.assertOnlyPropValuesAndClearOfTheProduct(found, product, guard);
  }
}
