// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentConfigTest {
  @Test
  void defaultsAreValidAndScaleTheWorkImage() {
    SegmentConfig c = SegmentConfig.defaults();
    assertThat(c.workFactor(1600, 1200)).isEqualTo(2);
    assertThat(c.workFactor(6000, 4000)).isEqualTo(8);
    assertThat(c.workFactor(300, 200)).isEqualTo(1);
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
