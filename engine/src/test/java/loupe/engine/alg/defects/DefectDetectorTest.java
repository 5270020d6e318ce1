// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loupe.engine.alg.inpaint.Synth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class DefectDetectorTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final DefectConfig CFG = DefectConfig.defaults();

  /** A noisy sweep with a vignette-like ramp and a product disc casting a soft shadow. */
  private static Planar sweep(long seed) {
    Planar image = Synth.ramp(W, H, 3, new double[] {58000, 58500, 57500}, -20, -25, 500, 0, true, seed);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double d = Math.hypot(x - 240, y - 140);
        double shadow = d < 60 ? 0.85 + 0.15 * d / 60 : 1; // soft shadow around the product
        for (int c = 0; c < 3; c++) {
          image.bands[c].set(x, y, ((int) Math.round(image.bands[c].get(x, y) * shadow / 257)) * 257);
        }
      }
    }
    return image;
  }

  private static GrayU16 product() {
    return Synth.disc(new GrayU16(W, H), 240, 140, 30, 65535);
  }

  private static double coverage(GrayU16 found, GrayU16 truth) {
    long n = 0;
    long hit = 0;
    for (int i = 0; i < truth.data.length; i++) {
      if (truth.data[i] != 0) {
        n++;
        hit += found.data[i] != 0 ? 1 : 0;
      }
    }
    return (double) hit / n;
  }

  @Test
  void findsSpecksHairsLintAndSoftSpotsButNothingNearTheProduct() {
    Planar image = sweep(1);
    GrayU16 product = product();
    GrayU16 speck = Synth.disc(new GrayU16(W, H), 40, 40, 1.6, 65535);
    GrayU16 brightSpeck = Synth.disc(new GrayU16(W, H), 90, 200, 1.2, 65535);
    GrayU16 hair = Synth.segment(new GrayU16(W, H), 30, 120, 140, 150, 0.9, 65535);
    GrayU16 lint = Synth.segment(new GrayU16(W, H), 150, 20, 200, 70, 0.5, 65535);
    GrayU16 spot = Synth.disc(new GrayU16(W, H), 120, 60, 12, 65535);
    GrayU16 nearProduct = Synth.disc(new GrayU16(W, H), 240, 175, 2, 65535); // just outside the disc
    Synth.paint(image, speck, 0.3);
    Synth.paint(image, brightSpeck, 1.12);
    Synth.paint(image, hair, 0.35);
    Synth.paint(image, lint, 0.9);
    Synth.paint(image, spot, 0.85);
    Synth.paint(image, nearProduct, 0.3);
    GrayU16 found = DefectDetector.detect(image, product, CFG);
    assertThat(coverage(found, speck)).isEqualTo(1.0);
    assertThat(coverage(found, brightSpeck)).isEqualTo(1.0);
    assertThat(coverage(found, hair)).isEqualTo(1.0);
    assertThat(coverage(found, lint)).isGreaterThan(0.9);
    assertThat(coverage(found, spot)).isGreaterThan(0.9);
    GrayU16 guard = Synth.outsideDilated(product, CFG.guardBand());
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (guard.get(x, y) == 0) {
          assertThat(found.get(x, y)).as("(%d,%d) is in the product's guard band", x, y).isZero();
        }
      }
    }
  }

  /**
   * A render or an already-filled background has no noise: its σ was 0, every response was scaled
   * to 0, and nothing could ever be found. Its σ is now at least half an 8-bit level.
   */
  @Test
  void specksAndHairsOnANoiseFreeBackgroundAreFound() {
    Planar image = Planar.create(3, W, H);
    for (GrayU16 band : image.bands) {
      java.util.Arrays.fill(band.data, (short) (200 * 257));
    }
    GrayU16 speck = Synth.disc(new GrayU16(W, H), 40, 40, 1.6, 65535);
    GrayU16 hair = Synth.segment(new GrayU16(W, H), 30, 120, 140, 150, 0.5, 65535);
    Synth.paint(image, speck, 0.3);
    Synth.paint(image, hair, 0.3);
    GrayU16 found = DefectDetector.detect(image, product(), CFG);
    assertThat(coverage(found, speck)).isEqualTo(1.0);
    assertThat(coverage(found, hair)).isGreaterThan(0.9);
    assertThat(coverage(found, Synth.disc(new GrayU16(W, H), 200, 60, 20, 65535))).as("the flat sweep").isZero();
    Planar render = Synth.ramp(W, H, 3, new double[] {58000, 58500, 57500}, -20, -25, 0, 0, true, 1);
    assertThat(coverage(DefectDetector.detect(render, product(), CFG), GrayU16.filled(W, H, 65535)))
        .as("the rounding of a noise-free gradient").isZero();
  }

  @Test
  void aCleanNoisySweepWithAShadowHasNoDefects() {
    GrayU16 found = DefectDetector.detect(sweep(2), product(), CFG);
    int n = 0;
    for (short v : found.data) {
      n += v != 0 ? 1 : 0;
    }
    assertThat(n).isZero();
  }

  @Test
  void givesTheSameMaskOnSubimageViews() {
    Planar image = sweep(3);
    Synth.paint(image, Synth.segment(new GrayU16(W, H), 30, 120, 140, 150, 0.9, 65535), 0.4);
    GrayU16 product = product();
    GrayU16 compact = DefectDetector.detect(image, product, CFG);
    GrayU16 onViews = DefectDetector.detect(Synth.asView(image, 4), Synth.asView(product, 5),
        Synth.asView(new GrayU16(W, H), 6), CFG);
    assertThat(onViews.sameSamples(compact)).isTrue();
  }

  /**
   * The {@code spot} of the first test, 3.5× as large in a frame 3.5× as wide (a strip, to stay
   * small): with the defaults its detection passes the 6,000 px area limit and is dropped as a prop
   * (36 % found), with the frame's config it is found whole.
   */
  @Test
  void aSoftSpotInALargeFrameIsFoundWithTheFramesConfig() {
    Planar image = Synth.wideStrip(4);
    int w = image.width;
    int h = image.height;
    GrayU16 product = Synth.disc(new GrayU16(w, h), 4000, 200, 105, 65535);
    GrayU16 spot = Synth.disc(new GrayU16(w, h), 1500, 200, 42, 65535);
    Synth.paint(image, spot, 0.85);
    DefectConfig frame = DefectConfig.forFrame(w, h);
    assertThat(frame.backgroundRadius()).isEqualTo(112);
    assertThat(frame.maxArea()).isEqualTo(73_500);
    assertThat(coverage(DefectDetector.detect(image, product, CFG), spot)).isLessThan(0.5);
    assertThat(coverage(DefectDetector.detect(image, product, frame), spot)).isGreaterThan(0.9);
    assertThat(DefectConfig.forFrame(1600, 1200)).isEqualTo(CFG);
    assertThat(DefectConfig.forFrame(800, 600)).as("a crop keeps its shot's pixels").isEqualTo(CFG);
  }

  @Test
  void theFramesConfigStopsGrowingWhereTheMedianDoes() {
    DefectConfig huge = DefectConfig.forFrame(100_000, 10);
    assertThat(huge.backgroundRadius()).isEqualTo(512);
    assertThat(huge.backgroundStep()).isEqualTo(64);
    assertThat(huge.maxArea()).isEqualTo(1_536_000);
    assertThat(huge.frameScale()).isEqualTo(16);
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> DefectDetector.detect(Planar.create(3, 10, 10), new GrayU16(10, 9), CFG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size mismatch");
    assertThatThrownBy(() -> new DefectConfig(32, 4, 2, 3, 11, 4, 4, 6000, 2, 3, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seedThreshold");
  }
}
