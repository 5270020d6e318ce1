// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loupe.engine.testing.TestProgress;
import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class PropDetectorTest {
  @Test
  void findsThePuttyAndItsShadowAndKeepsTheStonesContactShadow() {
    StudioShot shot = StudioShot.of(480, 360, true, 1);
    GrayU16 found = PropDetector.detect(shot.image(), shot.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(StudioShot.found(found, shot.putty())).isGreaterThan(0.95);
    assertThat(StudioShot.found(found, shot.puttyShadow())).isGreaterThan(0.9);
    assertThat(StudioShot.found(found, shot.productShadow())).isLessThan(0.25);
    assertOnlyPropValuesAndClearOfTheProduct(found, shot.product(), PropConfig.DEFAULT.guardRadius());
  }

  @Test
  void findsNothingWithoutAProp() {
    StudioShot shot = StudioShot.of(480, 360, false, 2);
    GrayU16 found = PropDetector.detect(shot.image(), shot.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(count(found)).isZero();
  }

  @Test
  void aGrayShotHasNoColourSoNoBody() {
    StudioShot shot = StudioShot.of(320, 240, true, 3);
    Planar gray = new Planar(shot.image().band(1));
    GrayU16 found = PropDetector.detect(gray, shot.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(count(found)).isZero();
  }

  @Test
  void givesTheSameAnswerOnSubImageViews() {
    StudioShot shot = StudioShot.of(400, 300, true, 4);
    Planar big = Planar.create(3, 430, 320);
    GrayU16 bigMask = new GrayU16(430, 320);
    for (int c = 0; c < 3; c++) {
      big.bands[c].fill(12345);
    }
    bigMask.fill(65535);
    Planar view = big.subimage(17, 9, 417, 309);
    GrayU16 maskView = bigMask.subimage(17, 9, 417, 309);
    view.setTo(shot.image());
    maskView.setTo(shot.product());
    GrayU16 onView = PropDetector.detect(view, maskView, PropConfig.DEFAULT, Progress.NONE);
    GrayU16 onCopy = PropDetector.detect(shot.image(), shot.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(onView.sameSamples(onCopy)).isTrue();
    assertThat(count(onCopy)).isPositive();
  }

  @Test
  void aBodyWithDetailFinerThanTheWorkPixelIsNoProp() {
    // 1200×900: 3 shot px per work px. The same blob, once matte and once as facets of highlights
    // and dark reflections in alternate pixels whose means match the matte one: what a missed part
    // of the piece beside the estimate looks like at the work scale.
    StudioShot matte = StudioShot.of(1200, 900, true, 9);
    StudioShot faceted = StudioShot.of(1200, 900, true, 9);
    for (int i = 0; i < faceted.putty().length; i++) {
      if (faceted.putty()[i]) {
        int x = i % 1200;
        int y = i / 1200;
        for (int c = 0; c < 3; c++) {
          double linear = Srgb.decode(faceted.image().bands[c].get(x, y)) * ((x + y) % 2 == 0 ? 1.6 : 0.4);
          faceted.image().bands[c].set(x, y, Srgb.encode(linear));
        }
      }
    }
    GrayU16 onMatte = PropDetector.detect(matte.image(), matte.product(), PropConfig.DEFAULT, Progress.NONE);
    GrayU16 onFaceted = PropDetector.detect(faceted.image(), faceted.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(StudioShot.found(onMatte, matte.putty())).isGreaterThan(0.95);
    assertThat(StudioShot.found(onFaceted, faceted.putty())).isLessThan(0.05);
  }

  @Test
  void theGuardRadiusIsKeptClear() {
    StudioShot shot = StudioShot.of(400, 300, true, 5);
    PropConfig wide = PropConfig.DEFAULT.withGuardRadius(6);
    GrayU16 found = PropDetector.detect(shot.image(), shot.product(), wide, Progress.NONE);
    assertOnlyPropValuesAndClearOfTheProduct(found, shot.product(), 6);
    GrayU16 guarded = MaskOps.expand(shot.product(), 6, null);
    boolean[] reachable = shot.putty().clone();
    for (int i = 0; i < reachable.length; i++) {
      reachable[i] &= guarded.data[i] == 0;
    }
    assertThat(StudioShot.found(found, reachable)).isGreaterThan(0.95);
  }

  @Test
  void rejectsMismatchedSizesAndAFrameWithoutBackground() {
    StudioShot shot = StudioShot.of(200, 150, true, 6);
    assertThatThrownBy(() -> PropDetector.detect(shot.image(), new GrayU16(199, 150), PropConfig.DEFAULT,
        Progress.NONE)).isInstanceOf(IllegalArgumentException.class);
    GrayU16 everything = GrayU16.filled(200, 150, 65535);
    assertThatThrownBy(() -> PropDetector.detect(shot.image(), everything, PropConfig.DEFAULT, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background");
  }

  @Test
  void stopsWhenCancelled() {
    StudioShot shot = StudioShot.of(200, 150, true, 7);
    Progress cancelled = TestProgress.CANCELLED;
    assertThatThrownBy(() -> PropDetector.detect(shot.image(), shot.product(), PropConfig.DEFAULT, cancelled))
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void leavesItsInputsAlone() {
    StudioShot shot = StudioShot.of(200, 150, true, 8);
    Planar image = shot.image().copy();
    GrayU16 product = shot.product().copy();
    PropDetector.detect(shot.image(), shot.product(), PropConfig.DEFAULT, Progress.NONE);
    assertThat(shot.image().sameSamples(image)).isTrue();
    assertThat(shot.product().sameSamples(product)).isTrue();
  }

  static void assertOnlyPropValuesAndClearOfTheProduct(GrayU16 found, GrayU16 product, double guard) {
    GrayU16 guarded = MaskOps.expand(product, guard, null);
    for (int y = 0; y < found.height; y++) {
      for (int x = 0; x < found.width; x++) {
        int v = found.get(x, y);
        assertThat(v == 0 || v == 65535).as("value at (%d,%d)", x, y).isTrue();
        if (guarded.get(x, y) > 0) {
          assertThat(v).as("within %s px of the product at (%d,%d)", guard, x, y).isZero();
        }
      }
    }
  }

  static long count(GrayU16 mask) {
    long n = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (mask.get(x, y) != 0) {
          n++;
        }
      }
    }
    return n;
  }
}
