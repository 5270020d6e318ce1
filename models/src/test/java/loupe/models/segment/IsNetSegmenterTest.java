// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestProgress;
import loupe.models.ModelRegistry;
import loupe.models.Sha256;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmenter end to end on the tiny ISNet stand-in (alpha = sigmoid(16 · channel mean)). */
class IsNetSegmenterTest {
  @TempDir static Path folder;
  static ModelRegistry registry;
  static IsNetSegmenter segmenter;

  @BeforeAll
  static void install() {
    registry = Fixtures.installedRegistry(folder);
    segmenter = registry.segmenter().orElseThrow();
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @Test
  void flatShotGetsTheModelsAlphaCutEverywhere() {
    for (int level : new int[] {0, 100, 128, 140, 255}) {
      Planar shot = flat(64, 48, level * 257);
      GrayU16 mask = segmenter.segment(shot, Progress.NONE);
      double alpha = 1 / (1 + Math.exp(-16 * (level - 128) / 256.0));
      int expected = (int) Math.round(Math.max(0, Math.min(1, (alpha - 0.1) / 0.8)) * 65535);
      assertThat(QualityMetrics.maxDifference(mask, GrayU16.filled(64, 48, expected))).as("level " + level)
          .isLessThanOrEqualTo(40);
    }
  }

  @Test
  void brightJewelOnDarkSweepIsFoundAtFullResolution() {
    int w = 400;
    int h = 300;
    Planar shot = flat(w, h, 40 * 257);
    GrayU16 truth = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (Math.hypot(x - 250, y - 140) < 70) {
          truth.set(x, y, 65535);
          for (GrayU16 b : shot.bands) {
            b.set(x, y, 230 * 257);
          }
        }
      }
    }
    GrayU16 mask = segmenter.segment(shot, Progress.NONE);
    assertThat(QualityMetrics.iou(mask, truth, 32768)).isGreaterThan(0.98);
    assertThat(mask.get(250, 140)).isEqualTo(65535);
    assertThat(mask.get(20, 20)).isZero();
    // Sub-image views give the same mask as copies.
    Planar view = shot.subimage(100, 50, 380, 260);
    assertThat(segmenter.segment(view, Progress.NONE).sameSamples(segmenter.segment(view.copy(), Progress.NONE))).isTrue();
  }

  @Test
  void namesTheModelThatProducedTheMask() {
    assertThat(segmenter.modelInfo().id()).isEqualTo("tiny-isnet");
    assertThat(segmenter.modelInfo().variant()).isEqualTo("small");
    assertThat(segmenter.modelInfo().sha256()).isEqualTo(Sha256.hex(Fixtures.bytes("tiny-isnet.onnx")));
  }

  @Test
  void cancellationStopsTheJob() {
    assertThatThrownBy(() -> segmenter.segment(flat(64, 64, 0), TestProgress.CANCELLED))
        .isInstanceOf(CancelledException.class);
  }

  private static Planar flat(int w, int h, int value) {
    return new Planar(GrayU16.filled(w, h, value), GrayU16.filled(w, h, value), GrayU16.filled(w, h, value));
  }
}
