// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import loupe.engine.alg.inpaint.Synth;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Pins the outputs of {@link DefectDetector} and {@link MarginRelease} to those of the first,
 * single-threaded implementation (digests recorded with it): speed work must not change a pixel.
 * Inputs: the dev scenes with their truth mask as the product (and as the estimate, with a 20 px
 * margin), a 2× nearest-neighbour blow-up of a dev crop (the shape of the large shots), and a
 * synthetic sweep with specks and a hair; the synthetic result must not depend on the thread count.
 *
 * <p>A refactoring pin, not a correctness test (the building blocks have naive oracles in {@code DefectBuildingBlocksTest}): when a
 * change is meant to alter the output, re-record the digests and say why in the commit.
 */
class DetectionPinTest {
  private static final DefectConfig CFG = DefectConfig.defaults();
  private static final int MARGIN = 20;
  private static final int RADIUS = 11;

  /**
   * scene → {detector digest, release digest, specks digest}: the first two recorded with the
   * reference implementation, the specks with the first that handed them on (2c00113).
   */
  private static final Map<String, String[]> EXPECTED = Map.of(
      "dev01_solitaire_yellowgold", new String[] {"15448/b9109131", "268956/f6c90fc4", "275/fb85cba6"},
      "dev02_pendant_chain_whitegold", new String[] {"12244/8194f61e", "168113/53a654e3", "832/c0b0228b"},
      "dev03_stud_earrings_platinum", new String[] {"16714/88d1888f", "203288/913effb8", "666/c29acb76"},
      "dev01 crop ×2", new String[] {"1267/1ca0e73e", "401797/5bd43ec4", "0/535b2cd7"},
      "synthetic", new String[] {"4364/18180673", "19607/6b12c111", "377/c04335b7"});

  @Test
  void dev_scenes_give_the_pinned_masks() {
    for (Path scene : TestImages.devScenes()) {
      Planar input = TestImages.readRgb(scene.resolve("input.png"));
      GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png"));
      check(scene.getFileName().toString(), input, truth);
    }
  }

  @Test
  void a_blown_up_dev_crop_gives_the_pinned_masks() {
    Path scene = TestImages.devScene("dev01");
    Planar input = TestImages.readRgb(scene.resolve("input.png"));
    GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png"));
    int x0 = 500;
    int y0 = 300;
    int w = 640;
    int h = 480;
    Planar big = Planar.create(3, 2 * w, 2 * h);
    GrayU16 bigTruth = new GrayU16(2 * w, 2 * h);
    for (int y = 0; y < 2 * h; y++) {
      for (int x = 0; x < 2 * w; x++) {
        for (int c = 0; c < 3; c++) {
          big.bands[c].set(x, y, input.bands[c].get(x0 + x / 2, y0 + y / 2));
        }
        bigTruth.set(x, y, truth.get(x0 + x / 2, y0 + y / 2));
      }
    }
    check("dev01 crop ×2", big, bigTruth);
  }

  @Test
  void a_synthetic_sweep_gives_the_pinned_masks_on_any_number_of_threads() throws Exception {
    Planar image = Synth.ramp(600, 400, 3, new double[] {58000, 58500, 57500}, -8, -10, 400, 0, true, 11);
    GrayU16 piece = Synth.disc(new GrayU16(600, 400), 300, 200, 60, 65535);
    GrayU16 dirt = new GrayU16(600, 400);
    Synth.disc(dirt, 120, 90, 2, 65535);
    Synth.disc(dirt, 390, 200, 3, 65535);
    Synth.disc(dirt, 500, 330, 9, 65535);
    Synth.segment(dirt, 60, 300, 180, 360, 1, 65535);
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < 600; x++) {
        double factor = piece.get(x, y) > 0 ? 0.5 : dirt.get(x, y) > 0 ? 0.85 : 1;
        for (int c = 0; c < 3; c++) {
          image.bands[c].set(x, y, (int) (image.bands[c].get(x, y) * factor) / 257 * 257);
        }
      }
    }
    String[] common = digests(image, piece);
    assertThat(common).containsExactly(EXPECTED.get("synthetic"));
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        assertThat(pool.submit(() -> digests(image, piece)).get()).as("%d threads", threads).containsExactly(common);
      } finally {
        pool.shutdown();
      }
    }
  }

  private static void check(String name, Planar input, GrayU16 truth) {
    String[] got = digests(input, truth);
    System.out.printf("pin %s: detect %s, release %s, specks %s%n", name, got[0], got[1], got[2]);
    assertThat(got).as(name).containsExactly(EXPECTED.get(name));
  }

  private static String[] digests(Planar input, GrayU16 product) {
    MarginRelease.Released released = MarginRelease.release(input, product, MaskOps.expand(product, MARGIN, null),
        RADIUS, null, CFG);
    return new String[] {
      MaskDigest.of(DefectDetector.detect(input, product, CFG)),
      MaskDigest.of(released.protection()),
      MaskDigest.of(released.specks())
    };
  }
}
