// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import loupe.engine.CancelledException;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestProgress;
import org.junit.jupiter.api.Test;

class InpaintOpsTest {
  private static final InpaintConfig CFG = InpaintConfig.defaults();

  private static GrayU16 everywhere(int w, int h) {
    return GrayU16.filled(w, h, 65535);
  }

  /**
   * A thin hole (membrane fill) along a ramp: the fill follows the ramp. The source guard's ring once
   * walled every hole off from its source, and each thin fill became the crop's flat mean (here
   * about 20 levels off at the hole's ends).
   */
  @Test
  void a_thin_hole_along_a_ramp_is_filled_along_the_ramp_across_the_source_guard() {
    int w = 80;
    int h = 40;
    Planar image = Planar.create(3, w, h);
    GrayU16 hole = new GrayU16(w, h);
    GrayU16 source = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          image.bands[c].set(x, y, 10000 + 500 * x);
        }
        boolean inHole = x >= 30 && x <= 50 && y >= 19 && y <= 21;
        hole.set(x, y, inHole ? 65535 : 0);
        source.set(x, y, inHole ? 0 : 65535);
      }
    }
    InpaintConfig cfg = InpaintConfig.defaults().withReinjectTexture(false);
    assertThat(cfg.sourceGuard()).isPositive();
    Planar out = InpaintOps.inpaint(image, hole, source, cfg, Progress.NONE);
    for (int x = 30; x <= 50; x++) {
      assertThat(out.bands[0].get(x, 20)).as("x = %d", x).isCloseTo(10000 + 500 * x, within(257));
    }
  }

  @Test
  void aSpeckOnARampIsFilledWithTheRampAndItsGrain() {
    int w = 64;
    int h = 48;
    Planar clean = Synth.ramp(w, h, 3, new double[] {20000, 30000, 40000}, 150, -90, 0, 0, false, 1);
    Planar noisy = Synth.ramp(w, h, 3, new double[] {20000, 30000, 40000}, 150, -90, 400, 0, false, 1);
    GrayU16 hole = Synth.disc(new GrayU16(w, h), 30, 22, 3.5, 65535);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (hole.get(x, y) > 0) {
            noisy.bands[c].set(x, y, 500); // a dark speck
          }
        }
      }
    }
    Planar out = InpaintOps.inpaint(noisy, hole, everywhere(w, h), CFG, Progress.NONE);
    double sumSquares = 0;
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (hole.get(x, y) > 0) {
          for (int c = 0; c < 3; c++) {
            double d = out.bands[c].get(x, y) - clean.bands[c].get(x, y);
            sumSquares += d * d;
            n++;
          }
        }
      }
    }
    double rms = Math.sqrt(sumSquares / n);
    // The ramp is met (no speck left), and the grain is there: not a plastic, noise-free fill.
    assertThat(rms).isLessThan(4 * 400).isGreaterThan(0.4 * 400);
  }

  @Test
  void aLargeHoleInStripesIsContinuedByPatchMatchNotSmeared() {
    int w = 120;
    int h = 100;
    Planar truth = Planar.create(3, w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = ((x + y / 3) / 5) % 2 == 0 ? 15000 : 50000;
        for (int c = 0; c < 3; c++) {
          truth.bands[c].set(x, y, v + 3000 * c);
        }
      }
    }
    GrayU16 hole = new GrayU16(w, h);
    for (int y = 35; y < 65; y++) {
      for (int x = 45; x < 75; x++) {
        hole.set(x, y, 65535);
      }
    }
    Planar damaged = truth.copy();
    for (int y = 35; y < 65; y++) {
      for (int x = 45; x < 75; x++) {
        damaged.bands[0].set(x, y, 0);
      }
    }
    Planar out = InpaintOps.inpaint(damaged, hole, everywhere(w, h), CFG, Progress.NONE);
    long close = 0;
    long total = 0;
    for (int y = 35; y < 65; y++) {
      for (int x = 45; x < 75; x++) {
        total++;
        if (Math.abs(out.bands[1].get(x, y) - truth.bands[1].get(x, y)) < 6000) {
          close++;
        }
      }
    }
    // A smooth (membrane) fill would sit near the mean, about 17500 from both stripe levels.
    assertThat((double) close / total).isGreaterThan(0.8);
  }

  @Test
  void aSoftHoleBlendsTheFillWithTheOriginal() {
    int w = 48;
    int h = 40;
    Planar image = Synth.ramp(w, h, 3, new double[] {10000, 20000, 30000}, 100, 100, 300, 0, false, 7);
    GrayU16 hard = Synth.disc(new GrayU16(w, h), 24, 20, 4, 65535);
    GrayU16 soft = Synth.disc(new GrayU16(w, h), 24, 20, 4, 20000);
    Planar fill = InpaintOps.inpaint(image, hard, everywhere(w, h), CFG, Progress.NONE);
    Planar blended = InpaintOps.inpaint(image, soft, everywhere(w, h), CFG, Progress.NONE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (hard.get(x, y) > 0) {
          for (int c = 0; c < 3; c++) {
            double expected = (fill.bands[c].get(x, y) * 20000.0 + image.bands[c].get(x, y) * 45535.0) / 65535;
            assertThat((double) blended.bands[c].get(x, y)).isCloseTo(expected, offset(1.0));
          }
        }
      }
    }
  }

  @Test
  void sixteenBitFillsAreNotQuantisedToEightBit() {
    int w = 48;
    int h = 48;
    Planar image = Synth.ramp(w, h, 3, new double[] {30001, 30002, 30003}, 7.3, 3.1, 0, 0, false, 3);
    GrayU16 hole = Synth.disc(new GrayU16(w, h), 24, 24, 4, 65535);
    Planar out = InpaintOps.inpaint(image, hole, everywhere(w, h), CFG.withReinjectTexture(false), Progress.NONE);
    int offGrid = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (hole.get(x, y) > 0 && out.bands[0].get(x, y) % 257 != 0) {
          offGrid++;
        }
        if (hole.get(x, y) > 0) {
          // A linear ramp is harmonic: the membrane reproduces it to within the smoothing bias.
          assertThat(Math.abs(out.bands[0].get(x, y) - image.bands[0].get(x, y))).isLessThan(40);
        }
      }
    }
    assertThat(offGrid).isGreaterThan(30);
  }

  @Test
  void holesTouchingTheImageEdgeAreFilled() {
    int w = 50;
    int h = 40;
    Planar image = Synth.ramp(w, h, 1, new double[] {30000}, 0, 0, 300, 0, true, 5);
    GrayU16 hole = Synth.disc(new GrayU16(w, h), 0, 0, 20, 65535); // PatchMatch-sized, in the corner
    Synth.segment(hole, 49, 0, 49, 39, 0.5, 65535); // a thin one along the right edge
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (hole.get(x, y) > 0) {
          image.bands[0].set(x, y, 0);
        }
      }
    }
    Planar out = InpaintOps.inpaint(image, hole, everywhere(w, h), CFG, Progress.NONE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (hole.get(x, y) > 0) {
          assertThat(out.bands[0].get(x, y)).isBetween(27000, 33000);
        }
      }
    }
  }

  @Test
  void anEmptyHoleCopiesTheImage() {
    Planar image = Synth.ramp(20, 10, 3, new double[] {1, 2, 3}, 100, 100, 50, 0, false, 9);
    Planar out = InpaintOps.inpaint(image, new GrayU16(20, 10), new GrayU16(20, 10), CFG, Progress.NONE);
    assertThat(out.sameSamples(image)).isTrue();
    assertThat(out.bands[0].data).isNotSameAs(image.bands[0].data);
  }

  @Test
  void badArgumentsAreNamed() {
    Planar image = Planar.create(3, 20, 10);
    GrayU16 hole = Synth.disc(new GrayU16(20, 10), 5, 5, 2, 65535);
    assertThatThrownBy(() -> InpaintOps.inpaint(image, new GrayU16(19, 10), everywhere(20, 10), CFG, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size mismatch");
    assertThatThrownBy(() -> InpaintOps.inpaint(image, hole, hole, CFG, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceAllowed");
    assertThatThrownBy(() -> InpaintOps.inpaint(image, hole, everywhere(20, 10), image, CFG, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shares");
    assertThatThrownBy(() -> CFG.withPatchSize(4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patchSize");
  }

  @Test
  void aCancelledJobStops() {
    Planar image = Synth.ramp(60, 60, 3, new double[] {1000, 2000, 3000}, 100, 100, 50, 0, false, 9);
    GrayU16 hole = Synth.disc(new GrayU16(60, 60), 30, 30, 15, 65535);
    assertThatThrownBy(() -> InpaintOps.inpaint(image, hole, everywhere(60, 60), CFG, TestProgress.CANCELLED))
        .isInstanceOf(CancelledException.class);
  }
}
