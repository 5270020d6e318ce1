// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.alg.mask.MaskOps;
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
      GrayU16 mask = segmenter.modelMask(shot, Progress.NONE);
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
    GrayU16 mask = segmenter.modelMask(shot, Progress.NONE);
    assertThat(QualityMetrics.iou(mask, truth, 32768)).isGreaterThan(0.98);
    assertThat(mask.get(250, 140)).isEqualTo(65535);
    assertThat(mask.get(20, 20)).isZero();
    // Sub-image views give the same mask as copies.
    Planar view = shot.subimage(100, 50, 380, 260);
    assertThat(segmenter.modelMask(view, Progress.NONE).sameSamples(segmenter.modelMask(view.copy(), Progress.NONE)))
        .isTrue();
  }

  /**
   * The stand-in selects everything brighter than mid-grey, here the whole light sweep, as ISNet
   * selects a prop that stands out. The classical cues veto the sweep beyond the reach (8 model
   * pixels: 160 px for this 32² model on a 640×480 shot) and keep the striped (specular) jewel.
   */
  @Test
  void classicalCuesVetoWhatTheModelSelectsBeyondThePiece() {
    int w = 640;
    int h = 480;
    double reach = IsNetConfig.defaults().vetoReach(20);
    Planar shot = flat(w, h, 0);
    Random noise = new Random(7);
    GrayU16 jewel = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inJewel = Math.hypot(x - 180, y - 240) < 40;
        for (GrayU16 band : shot.bands) {
          int v = inJewel ? ((x / 2 + y / 3) % 2 == 0 ? 255 : 90) : (int) Math.round(215 - 20.0 * y / h
              + 2 * noise.nextGaussian());
          band.set(x, y, v * 257);
        }
        jewel.set(x, y, inJewel ? 65535 : 0);
      }
    }
    GrayU16 model = segmenter.modelMask(shot, Progress.NONE);
    GrayU16 mask = segmenter.segment(shot, Progress.NONE);
    assertThat(QualityMetrics.iou(model, GrayU16.filled(w, h, 65535), 32768)).as("the model selects the sweep")
        .isGreaterThan(0.9);
    assertThat(QualityMetrics.iou(MaskOps.intersect(mask, jewel, null), jewel, 32768)).as("the jewel is kept")
        .isGreaterThan(0.97);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (Math.hypot(x - 180, y - 240) > 40 + reach + 2) {
          assertThat(mask.get(x, y)).as("beyond the reach at %d,%d", x, y).isZero();
        }
      }
    }
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
