// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loupe.engine.testing.TestProgress;
import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import org.junit.jupiter.api.Test;

class ClassicalSegmenterTest {
  private static final int HALF = 32768;
  private static final SyntheticShot SHOT = new SyntheticShot(1);
  private static final GrayU16 MASK = new ClassicalSegmenter().segment(SHOT.image, Progress.NONE);

  @Test
  void findsTheRingAndLeavesItsHolePropAndShadowAsBackground() {
    double iou = QualityMetrics.iou(MASK, SHOT.ringMask(), HALF);
    long hole = 0;
    long holeBg = 0;
    long putty = 0;
    long puttyBg = 0;
    long shadow = 0;
    long shadowBg = 0;
    for (int y = 0; y < SyntheticShot.H; y++) {
      for (int x = 0; x < SyntheticShot.W; x++) {
        int i = y * SyntheticShot.W + x;
        boolean bg = MASK.get(x, y) < HALF;
        if (SyntheticShot.inHole(x, y)) {
          hole++;
          holeBg += bg ? 1 : 0;
        }
        if (SHOT.putty[i] == 1) {
          putty++;
          puttyBg += bg ? 1 : 0;
        }
        if (SHOT.shadow[i]) {
          shadow++;
          shadowBg += bg ? 1 : 0;
        }
      }
    }
    System.out.printf("synthetic ring: IoU %.4f, hole bg %.4f, putty bg %.4f, shadow bg %.4f%n", iou,
        (double) holeBg / hole, (double) puttyBg / putty, (double) shadowBg / shadow);
    assertThat(iou).isGreaterThan(0.95);
    assertThat((double) holeBg / hole).isGreaterThan(0.99);
    assertThat((double) puttyBg / putty).isGreaterThan(0.95);
    assertThat((double) shadowBg / shadow).isGreaterThan(0.99);
  }

  @Test
  void isDeterministicAndReadsSubimageViews() {
    int pad = 13;
    Planar big = Planar.create(3, SyntheticShot.W + 2 * pad, SyntheticShot.H + pad + 5);
    for (int c = 0; c < 3; c++) {
      big.bands[c].fill(257 * 40); // a dark frame the view must not see
    }
    Planar view = big.subimage(pad, pad, pad + SyntheticShot.W, pad + SyntheticShot.H);
    view.setTo(SHOT.image);
    GrayU16 fromView = new ClassicalSegmenter().segment(view, Progress.NONE);
    assertThat(fromView.sameSamples(MASK)).isTrue();
    assertThat(new ClassicalSegmenter().segment(SHOT.image.copy(), Progress.NONE).sameSamples(MASK)).isTrue();
  }

  @Test
  void leavesTheInputAlone() {
    Planar copy = SHOT.image.copy();
    new ClassicalSegmenter().segment(SHOT.image, Progress.NONE);
    assertThat(SHOT.image.sameSamples(copy)).isTrue();
  }

  @Test
  void segmentsGrayShots() {
    Planar gray = new Planar(SHOT.image.band(1).copy());
    GrayU16 mask = new ClassicalSegmenter().segment(gray, Progress.NONE);
    assertThat(mask.width).isEqualTo(SyntheticShot.W);
    assertThat(QualityMetrics.iou(mask, SHOT.ringMask(), HALF)).isGreaterThan(0.9);
  }

  @Test
  void ignoresAnAlphaBand() {
    GrayU16 alpha = GrayU16.filled(SyntheticShot.W, SyntheticShot.H, 12345);
    Planar rgba = new Planar(SHOT.image.band(0), SHOT.image.band(1), SHOT.image.band(2), alpha);
    assertThat(new ClassicalSegmenter().segment(rgba, Progress.NONE).sameSamples(MASK)).isTrue();
  }

  @Test
  void handlesTheSmallestAndFlatShots() {
    for (int value : new int[] {0, 65535}) {
      Planar flat = Planar.create(3, ClassicalSegmenter.MIN_SIDE, ClassicalSegmenter.MIN_SIDE);
      for (int c = 0; c < 3; c++) {
        flat.bands[c].fill(value);
      }
      GrayU16 mask = new ClassicalSegmenter().segment(flat, Progress.NONE);
      assertThat(mask.sameSamples(new GrayU16(ClassicalSegmenter.MIN_SIDE, ClassicalSegmenter.MIN_SIDE))).isTrue();
    }
  }

  @Test
  void emptySweepGivesAnEmptyMask() {
    Planar plain = Planar.create(3, 200, 150);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 150; y++) {
        for (int x = 0; x < 200; x++) {
          plain.bands[c].set(x, y, 257 * (225 + (x * 7 + y * 13) % 5));
        }
      }
    }
    GrayU16 mask = new ClassicalSegmenter().segment(plain, Progress.NONE);
    assertThat(mask.sameSamples(new GrayU16(200, 150))).isTrue();
  }

  @Test
  void rejectsBadInputClearly() {
    ClassicalSegmenter s = new ClassicalSegmenter();
    assertThatThrownBy(() -> s.segment(Planar.create(3, 8, 40), Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8×40");
    assertThatThrownBy(() -> s.segment(Planar.create(2, 40, 40), Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bands");
  }

  @Test
  void stopsWhenCancelled() {
    Progress cancelled = TestProgress.CANCELLED;
    assertThatThrownBy(() -> new ClassicalSegmenter().segment(SHOT.image, cancelled))
        .isInstanceOf(CancelledException.class);
  }
}
