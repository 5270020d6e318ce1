// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.Trials;

/**
 * Jewelry-safety properties on random scenes: a magenta product (the only place with a low green
 * channel), holes of random shape, hardness and size (specks and PatchMatch-sized blobs), some
 * running up to the product, and a source that excludes the product plus a guard band. As in the
 * recipes, a hole never includes a product pixel: the random shapes are cut where P &gt; 0.
 */
class InpaintOpsPropertyTest {
  private static final int MAGENTA_GREEN_LIMIT = 6000; // background green is >= 12000, noise σ <= 600

  record Scene(Planar image, GrayU16 product, GrayU16 hole, GrayU16 source, boolean soft) {}

  static Scene scene(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = 24 + r.nextInt(56);
    int h = 24 + r.nextInt(56);
    boolean eightBit = r.nextBoolean();
    double[] base = {r.nextInt(60000), 12000 + r.nextInt(40000), r.nextInt(60000)};
    Planar image = Synth.ramp(w, h, 3, base, r.nextInt(200) - 100, r.nextInt(200) - 100, r.nextInt(600), 0, eightBit,
        r.nextLong());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.bands[1].set(x, y, Math.max(12000, image.bands[1].get(x, y)));
      }
    }
    GrayU16 product = Synth.disc(new GrayU16(w, h), r.nextInt(w), r.nextInt(h), 3 + r.nextInt(8), 65535);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (product.get(x, y) > 0) {
          image.bands[0].set(x, y, 65535);
          image.bands[1].set(x, y, 0);
          image.bands[2].set(x, y, 65535);
        }
      }
    }
    boolean soft = r.nextInt(4) == 0;
    GrayU16 hole = new GrayU16(w, h);
    int holes = 1 + r.nextInt(4);
    for (int i = 0; i < holes; i++) {
      int value = soft ? 1 + r.nextInt(65535) : 65535;
      if (r.nextBoolean()) {
        Synth.disc(hole, r.nextInt(w), r.nextInt(h), 1 + r.nextInt(Math.min(w, h) / 4), value);
      } else {
        Synth.segment(hole, r.nextInt(w), r.nextInt(h), r.nextInt(w), r.nextInt(h), 0.5 + r.nextInt(3), value);
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (product.get(x, y) > 0) {
          hole.set(x, y, 0);
        }
      }
    }
    return new Scene(image, product, hole, Synth.outsideDilated(product, 2), soft);
  }

  @Trials(count = 40, seed = 20250901L)
  void everyPixelOutsideTheHoleIsCopiedBitExactly(long seed) {
    Scene s = scene(seed);
    assertCopied(s, InpaintOps.inpaint(s.image, s.hole, s.source, InpaintConfig.defaults(), Progress.NONE), s.hole, 0);
  }

  @Trials(count = 40, seed = 20250905L)
  void everyProductPixelIsCopiedBitExactly(long seed) {
    Scene s = scene(seed);
    assertCopied(s, InpaintOps.inpaint(s.image, s.hole, s.source, InpaintConfig.defaults(), Progress.NONE), s.product,
        65535);
  }

  /** Every pixel where {@code where} equals {@code value} is the input's, bit for bit. */
  private static void assertCopied(Scene s, Planar out, GrayU16 where, int value) {
    for (int y = 0; y < s.image.height; y++) {
      for (int x = 0; x < s.image.width; x++) {
        if (where.get(x, y) == value) {
          for (int c = 0; c < 3; c++) {
            assertThat(out.bands[c].get(x, y)).as("band %d at (%d,%d)", c, x, y).isEqualTo(s.image.bands[c].get(x, y));
          }
        }
      }
    }
  }

  @Trials(count = 40, seed = 20250902L)
  void theProductColourNeverAppearsInAFill(long seed) {
    Scene s = scene(seed);
    Planar out = InpaintOps.inpaint(s.image, s.hole, s.source, InpaintConfig.defaults(), Progress.NONE);
    for (int y = 0; y < s.image.height; y++) {
      for (int x = 0; x < s.image.width; x++) {
        if (s.hole.get(x, y) == 65535) {
          assertThat(out.bands[1].get(x, y)).as("green at (%d,%d)", x, y).isGreaterThan(MAGENTA_GREEN_LIMIT);
        }
      }
    }
  }

  /** Without grain, every fill is a convex combination of allowed samples: inside their range. */
  @Trials(count = 40, seed = 20250903L)
  void withoutGrainEveryFillLiesInTheRangeOfTheAllowedSamples(long seed) {
    Scene s = scene(seed);
    Planar out = InpaintOps.inpaint(s.image, s.hole, s.source, InpaintConfig.defaults().withReinjectTexture(false),
        Progress.NONE);
    for (int c = 0; c < 3; c++) {
      int lo = 65535;
      int hi = 0;
      for (int y = 0; y < s.image.height; y++) {
        for (int x = 0; x < s.image.width; x++) {
          if (s.source.get(x, y) > 0 && s.hole.get(x, y) == 0) {
            lo = Math.min(lo, s.image.bands[c].get(x, y));
            hi = Math.max(hi, s.image.bands[c].get(x, y));
          }
        }
      }
      for (int y = 0; y < s.image.height; y++) {
        for (int x = 0; x < s.image.width; x++) {
          if (s.hole.get(x, y) == 65535) {
            assertThat(out.bands[c].get(x, y)).as("band %d at (%d,%d)", c, x, y).isBetween(lo, hi);
          }
        }
      }
    }
  }

  @Trials(count = 15, seed = 20250904L)
  void sameInputsGiveTheSameOutputAlsoOnSubimageViews(long seed) {
    Scene s = scene(seed);
    InpaintConfig cfg = InpaintConfig.defaults();
    Planar first = InpaintOps.inpaint(s.image, s.hole, s.source, cfg, Progress.NONE);
    Planar again = InpaintOps.inpaint(s.image, s.hole, s.source, cfg, Progress.NONE);
    Planar onViews = InpaintOps.inpaint(Synth.asView(s.image, seed), Synth.asView(s.hole, seed + 1),
        Synth.asView(s.source, seed + 2), Synth.asView(Planar.create(3, s.image.width, s.image.height), seed + 3), cfg,
        Progress.NONE);
    assertThat(again.sameSamples(first)).isTrue();
    assertThat(onViews.sameSamples(first)).isTrue();
  }
}
