// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.Random;
import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.testing.TestProgress;
import loupe.models.ModelCatalog;
import loupe.models.ModelRegistry;
import loupe.models.ModelSession;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crop, polarity, downsampling and paste-back of the ONNX inpainter, on the tiny fixtures whose
 * fill is the per-channel maximum of what the model sees: a leak of a forbidden pixel would show up
 * as a brighter fill.
 */
class OnnxInpainterTest {
  private static final int MARGIN = 4;
  @TempDir static Path folder;
  static ModelRegistry registry;
  static OnnxInpainter lama;
  static OnnxInpainter migan;

  @BeforeAll
  static void install() {
    registry = Fixtures.installedRegistry(folder);
    ModelCatalog c = Fixtures.catalog();
    lama = inpainter(c, "tiny-lama");
    migan = inpainter(c, "tiny-migan");
  }

  private static OnnxInpainter inpainter(ModelCatalog c, String id) {
    ModelSession s = registry.session(c.require(id), c.require(id).defaultVariant());
    return new OnnxInpainter(s, new CropConfig(MARGIN));
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  @Test
  void holeGetsTheFillAndEveryOtherPixelIsCopiedBitExactly() {
    Planar image = noise(60, 50, 10_000, 20_000, 1);
    GrayU16 hole = rect(60, 50, new Rect(30, 20, 36, 25), 65535);
    Planar out = lama.inpaint(image, hole, GrayU16.filled(60, 50, 65535), Progress.NONE);
    // Scale 1: the 16×16 window around the hole is the model input, pixel for pixel.
    CropWindow w = CropWindow.around(new Rect(30, 20, 36, 25), MARGIN, 16, 16, 60, 50);
    assertThat(w.scale()).isEqualTo(1);
    for (int c = 0; c < 3; c++) {
      int expected = maxOutside(image.bands[c], hole, null, new Rect(w.x0(), w.y0(), w.x0() + 16, w.y0() + 16));
      for (int y = 0; y < 50; y++) {
        for (int x = 0; x < 60; x++) {
          if (hole.get(x, y) == 0) {
            assertThat(out.bands[c].get(x, y)).isEqualTo(image.bands[c].get(x, y));
          } else {
            assertThat(out.bands[c].get(x, y)).as("band %d (%d,%d)", c, x, y).isCloseTo(expected, offset(1));
          }
        }
      }
    }
  }

  @Test
  void pixelsTheFillMayNotSampleNeverReachTheModel() {
    Planar image = noise(60, 50, 10_000, 20_000, 2);
    Rect jewel = new Rect(25, 18, 29, 30);
    for (int y = jewel.top(); y < jewel.bottom(); y++) {
      for (int x = jewel.left(); x < jewel.right(); x++) {
        image.bands[0].set(x, y, 65000);
      }
    }
    GrayU16 hole = rect(60, 50, new Rect(30, 20, 36, 25), 65535);
    GrayU16 allowed = GrayU16.filled(60, 50, 65535);
    GrayU16 forbidden = rect(60, 50, jewel, 65535);
    for (int i = 0; i < allowed.data.length; i++) {
      allowed.data[i] = (short) (forbidden.data[i] == 0 ? 65535 : 0);
    }
    Planar safe = lama.inpaint(image, hole, allowed, Progress.NONE);
    Planar leaky = lama.inpaint(image, hole, GrayU16.filled(60, 50, 65535), Progress.NONE);
    assertThat(leaky.bands[0].get(32, 22)).as("the jewel is in the window").isCloseTo(65000, offset(1));
    assertThat(safe.bands[0].get(32, 22)).isLessThanOrEqualTo(20_000);
    assertThat(safe.bands[0].get(26, 20)).as("the jewel itself is untouched").isEqualTo(65000);
  }

  @Test
  void miganTypesAndPolarityGiveTheSameFillAsLama() {
    Planar image = noise(50, 40, 40 * 257, 200 * 257, 3);
    for (GrayU16 b : image.bands) {
      for (int i = 0; i < b.data.length; i++) {
        b.data[i] = (short) ((b.data[i] & 0xFFFF) / 257 * 257); // 8-bit shot: uint8 tensors are exact
      }
    }
    GrayU16 hole = rect(50, 40, new Rect(20, 15, 24, 19), 65535);
    GrayU16 allowed = GrayU16.filled(50, 40, 65535);
    Planar a = lama.inpaint(image, hole, allowed, Progress.NONE);
    Planar b = migan.inpaint(image, hole, allowed, Progress.NONE);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < a.bands[c].data.length; i++) {
        assertThat(b.bands[c].data[i] & 0xFFFF).isCloseTo(a.bands[c].data[i] & 0xFFFF, offset(1));
      }
    }
    assertThat(a.bands[0].get(21, 16)).isNotEqualTo(image.bands[0].get(21, 16));
  }

  @Test
  void softHolePixelsBlendTheFillWithTheOriginal() {
    Planar image = noise(40, 40, 10_000, 20_000, 4);
    GrayU16 full = rect(40, 40, new Rect(18, 18, 22, 22), 65535);
    GrayU16 half = rect(40, 40, new Rect(18, 18, 22, 22), 32768);
    GrayU16 allowed = GrayU16.filled(40, 40, 65535);
    Planar filled = lama.inpaint(image, full, allowed, Progress.NONE);
    Planar blended = lama.inpaint(image, half, allowed, Progress.NONE);
    double h = 32768 / 65535.0;
    for (int c = 0; c < 3; c++) {
      int fill = filled.bands[c].get(19, 19);
      int original = image.bands[c].get(19, 19);
      assertThat(blended.bands[c].get(19, 19)).isCloseTo((int) Math.round(fill * h + original * (1 - h)), offset(1));
    }
  }

  @Test
  void shotSmallerThanTheModelIsMirrorPadded() {
    Planar image = noise(10, 8, 10_000, 20_000, 5);
    GrayU16 hole = rect(10, 8, new Rect(0, 0, 2, 2), 65535);
    Planar out = lama.inpaint(image, hole, GrayU16.filled(10, 8, 65535), Progress.NONE);
    for (int c = 0; c < 3; c++) {
      int expected = maxOutside(image.bands[c], hole, null, new Rect(0, 0, 10, 8));
      assertThat(out.bands[c].get(0, 0)).isCloseTo(expected, offset(1));
      assertThat(out.bands[c].get(1, 1)).isCloseTo(expected, offset(1));
    }
  }

  @Test
  void holeAtTheCornerOfALargeShotUsesAWindowInsideTheShot() {
    CropWindow w = CropWindow.around(new Rect(0, 95, 3, 100), MARGIN, 16, 16, 200, 100);
    assertThat(new int[] {w.x0(), w.y0()}).containsExactly(0, 84);
    assertThat(CropWindow.mirror(-1, 10)).isZero();
    assertThat(CropWindow.mirror(-3, 10)).isEqualTo(2);
    assertThat(CropWindow.mirror(10, 10)).isEqualTo(9);
    assertThat(CropWindow.mirror(25, 10)).isEqualTo(5);
  }

  @Test
  void largeHoleIsFilledThroughADownsampledWindowThatStillHidesForbiddenPixels() {
    int w = 120;
    int h = 100;
    Planar image = new Planar(GrayU16.filled(w, h, 12_345), GrayU16.filled(w, h, 23_456), GrayU16.filled(w, h, 34_567));
    Rect box = new Rect(40, 35, 80, 65);
    GrayU16 hole = rect(w, h, box, 65535);
    GrayU16 allowed = GrayU16.filled(w, h, 65535);
    image.bands[0].set(30, 50, 65000); // a bright speck that may not be sampled, inside the window
    allowed.set(30, 50, 0);
    CropWindow window = CropWindow.around(box, MARGIN, 16, 16, w, h);
    assertThat(window.scale()).isEqualTo(3);
    Planar out = lama.inpaint(image, hole, allowed, Progress.NONE);
    assertThat(out.bands[0].get(60, 50)).isCloseTo(12_345, offset(1));
    assertThat(out.bands[1].get(41, 36)).isCloseTo(23_456, offset(1));
    assertThat(out.bands[2].get(79, 64)).isCloseTo(34_567, offset(1));
    assertThat(out.bands[0].get(30, 50)).isEqualTo(65000);
  }

  @Test
  void eachHoleIsFilledFromItsOwnSurroundings() {
    int w = 100;
    int h = 40;
    Planar image = Planar.create(3, w, h);
    for (GrayU16 b : image.bands) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          b.set(x, y, x < 50 ? 10_000 : 50_000);
        }
      }
    }
    GrayU16 hole = rect(w, h, new Rect(10, 10, 14, 14), 65535);
    for (int y = 20; y < 24; y++) {
      for (int x = 80; x < 84; x++) {
        hole.set(x, y, 65535);
      }
    }
    Planar out = lama.inpaint(image, hole, GrayU16.filled(w, h, 65535), Progress.NONE);
    assertThat(out.bands[1].get(11, 11)).isCloseTo(10_000, offset(1));
    assertThat(out.bands[1].get(81, 21)).isCloseTo(50_000, offset(1));
  }

  @Test
  void grayShotsAreFilledToo() {
    Planar rgb = noise(40, 30, 10_000, 20_000, 6);
    Planar gray = new Planar(rgb.bands[0]);
    GrayU16 hole = rect(40, 30, new Rect(18, 12, 21, 15), 65535);
    Planar out = lama.inpaint(gray, hole, GrayU16.filled(40, 30, 65535), Progress.NONE);
    int expected = maxOutside(gray.bands[0], hole, null, new Rect(12, 5, 28, 21));
    assertThat(out.bands[0].get(19, 13)).isCloseTo(expected, offset(1));
    assertThat(out.numBands()).isEqualTo(1);
  }

  @Test
  void noHoleIsACopyAndBadInputsAreRefused() {
    Planar image = noise(20, 20, 0, 65535, 7);
    GrayU16 none = new GrayU16(20, 20);
    assertThat(lama.inpaint(image, none, GrayU16.filled(20, 20, 65535), Progress.NONE).sameSamples(image)).isTrue();
    Planar twoBands = Planar.create(2, 20, 20);
    assertThatThrownBy(() -> lama.inpaint(twoBands, none, none, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bands");
    GrayU16 hole = rect(20, 20, new Rect(5, 5, 7, 7), 65535);
    assertThatThrownBy(() -> lama.inpaint(image, hole, GrayU16.filled(20, 20, 65535), TestProgress.CANCELLED))
        .isInstanceOf(CancelledException.class);
    assertThat(lama.modelInfo().id()).isEqualTo("tiny-lama");
  }

  private static Planar noise(int w, int h, int lo, int hi, long seed) {
    Random random = new Random(seed);
    Planar p = Planar.create(3, w, h);
    for (GrayU16 b : p.bands) {
      for (int i = 0; i < b.data.length; i++) {
        b.data[i] = (short) (lo + random.nextInt(hi - lo + 1));
      }
    }
    return p;
  }

  private static GrayU16 rect(int w, int h, Rect r, int value) {
    GrayU16 m = new GrayU16(w, h);
    for (int y = r.top(); y < r.bottom(); y++) {
      for (int x = r.left(); x < r.right(); x++) {
        m.set(x, y, value);
      }
    }
    return m;
  }

  /** The largest sample in {@code area} (clipped to the image) outside the hole and, if given, where allowed. */
  private static int maxOutside(GrayU16 band, GrayU16 hole, GrayU16 allowed, Rect area) {
    int max = 0;
    Rect a = area.intersect(Rect.ofSize(band.width, band.height));
    for (int y = a.top(); y < a.bottom(); y++) {
      for (int x = a.left(); x < a.right(); x++) {
        if (hole.get(x, y) == 0 && (allowed == null || allowed.get(x, y) != 0)) {
          max = Math.max(max, band.get(x, y));
        }
      }
    }
    return max;
  }
}
