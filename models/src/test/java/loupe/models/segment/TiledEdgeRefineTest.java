// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

/** Tiled, skipping refine against the engine's whole-image refine. */
class TiledEdgeRefineTest {
  @Test
  void matchesTheWholeImageRefine() {
    int w = 300;
    int h = 220;
    GrayU16 mask = new GrayU16(w, h);
    GrayU16 guide = new GrayU16(w, h);
    Random random = new Random(5);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - 120, y - 100) - 60; // a disc with a soft 6-px rim
        double chain = Math.abs(y - 180 - 8 * Math.sin(x / 9.0)) - 1.5; // and a thin chain
        double p = Math.max(Math.min(1, Math.max(0, 0.5 - d / 6)), Math.min(1, Math.max(0, 0.5 - chain / 2)));
        mask.set(x, y, (int) Math.round(p * 65535));
        guide.set(x, y, (int) Math.min(65535, Math.max(0, 50000 - 30000 * p + random.nextGaussian() * 800)));
      }
    }
    GrayU16 whole = MaskOps.refineEdges(mask, guide, 4, 1e-4, null);
    GrayU16 tiled = TiledEdgeRefine.refine(mask, guide, 4, 1e-4, 64, Progress.NONE);
    int worst = 0;
    for (int i = 0; i < w * h; i++) {
      worst = Math.max(worst, Math.abs((whole.data[i] & 0xFFFF) - (tiled.data[i] & 0xFFFF)));
    }
    assertThat(worst).as("largest difference (float round-off of the running sums)").isLessThanOrEqualTo(2);
    assertThat(tiled.sameSamples(mask)).isFalse();
  }

  @Test
  void uniformAreasAreLeftAsTheyAre() {
    GrayU16 mask = new GrayU16(200, 100);
    mask.subimage(100, 0, 200, 100).fill(65535);
    GrayU16 guide = GrayU16.filled(200, 100, 30000);
    assertThat(TiledEdgeRefine.uniform(mask, new loupe.engine.image.Rect(0, 0, 90, 100))).isTrue();
    assertThat(TiledEdgeRefine.uniform(mask, new loupe.engine.image.Rect(110, 0, 200, 100))).isTrue();
    assertThat(TiledEdgeRefine.uniform(mask, new loupe.engine.image.Rect(90, 0, 110, 100))).isFalse();
    GrayU16 out = TiledEdgeRefine.refine(mask, guide, 3, 1e-4, 64, Progress.NONE);
    for (int y = 0; y < 100; y++) {
      assertThat(out.get(10, y)).isZero();
      assertThat(out.get(190, y)).isEqualTo(65535);
    }
  }

  @Test
  void radiusZeroIsACopy() {
    GrayU16 mask = GrayU16.filled(10, 10, 1234);
    GrayU16 out = TiledEdgeRefine.refine(mask, mask, 0, 1e-4, 64, Progress.NONE);
    assertThat(out.sameSamples(mask)).isTrue();
    assertThat(out.data).isNotSameAs(mask.data);
  }
}
