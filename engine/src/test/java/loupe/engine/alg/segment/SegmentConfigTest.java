// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentConfigTest {
  @Test
  void defaultsAreValidAndScaleTheWorkImage() {
    SegmentConfig c = SegmentConfig.defaults();
    assertThat(c.frameScale(1600, 1200)).isEqualTo(2.0);
    assertThat(c.frameScale(6000, 4000)).as("not rounded: the work image is 800 px long").isEqualTo(7.5);
    assertThat(c.frameScale(1200, 1300)).isEqualTo(1.625);
    assertThat(c.frameScale(300, 200)).as("a smaller shot is not enlarged").isEqualTo(1.0);
  }

  @Test
  void aShorterFrameWorkImageAsksASmallerSurface() {
    SegmentConfig c = SegmentConfig.defaults();
    assertThat(c.forFrameWorkImage(800)).isSameAs(c);
    assertThat(c.forFrameWorkImage(1200)).as("a longer work image keeps the design's").isSameAs(c);
    // The square's side scales: 21 px × 600/800 = 15.75, nearest odd side 15, radius 7.
    SegmentConfig shorter = c.forFrameWorkImage(600);
    assertThat(shorter.surfaceRadius()).isEqualTo(7);
    assertThat(shorter.withSurfaceRadius(c.surfaceRadius())).as("nothing else changes").isEqualTo(c);
    assertThat(c.forFrameWorkImage(750).surfaceRadius()).isEqualTo(9);
    assertThat(c.forFrameWorkImage(100).surfaceRadius()).as("never below a large region's").isEqualTo(c.largeSmoothRadius());
  }

  @Test
  void rejectsBadValuesByName() {
    SegmentConfig d = SegmentConfig.defaults();
    assertThatThrownBy(() -> new SegmentConfig(10, d.sweepDegree(), d.smoothLaplacian(), d.neutralChroma(),
        d.largeSmoothRadius(), d.surfaceRadius(), d.sweepTolerance(), d.propChroma(), d.propGainMatch(), d.blendRadius(), d.blendTolerance(),
        d.silhouetteGap(), d.minComponentFraction(), d.pocketRadius(), d.pocketShare(), d.sweepPocketShare(), d.localBackgroundRadius(), d.edgeBand(), d.edgePeakShare(), d.noiseSigmas(), d.flatSigmas(), d.pocketSigmas(), d.thinRadius(), d.minPocketArea(), d.pieceRadius()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workLongSide");
    assertThatThrownBy(() -> new SegmentConfig(d.workLongSide(), d.sweepDegree(), d.smoothLaplacian(), d.neutralChroma(),
        5, 4, d.sweepTolerance(), d.propChroma(), d.propGainMatch(), d.blendRadius(), d.blendTolerance(),
        d.silhouetteGap(), d.minComponentFraction(), d.pocketRadius(), d.pocketShare(), d.sweepPocketShare(), d.localBackgroundRadius(), d.edgeBand(), d.edgePeakShare(), d.noiseSigmas(), d.flatSigmas(), d.pocketSigmas(), d.thinRadius(), d.minPocketArea(), d.pieceRadius()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surfaceRadius");
    assertThatThrownBy(() -> new SegmentConfig(d.workLongSide(), d.sweepDegree(), d.smoothLaplacian(), d.neutralChroma(),
        d.largeSmoothRadius(), d.surfaceRadius(), d.sweepTolerance(), d.propChroma(), d.propGainMatch(), d.blendRadius(), d.blendTolerance(),
        d.silhouetteGap(), 1.0, d.pocketRadius(), d.pocketShare(), d.sweepPocketShare(), d.localBackgroundRadius(), d.edgeBand(), d.edgePeakShare(), d.noiseSigmas(), d.flatSigmas(), d.pocketSigmas(), d.thinRadius(), d.minPocketArea(), d.pieceRadius()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minComponentFraction");
  }
}
