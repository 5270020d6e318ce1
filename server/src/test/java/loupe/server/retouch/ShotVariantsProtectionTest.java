// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.quality.QualityMetrics;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;
import loupe.models.segment.IsNetSegmenter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise beyond the three scenes the automatic protection was measured on: the dev scenes shot
 * on a darker, whiter or tinted sweep, turned, and as a close-up crop. Every pixel the truth marks
 * as fully jewelry must be fully protected. Four of these variants broke it (docs/recipes.md, "The
 * safety margin"): a 16 px margin was fitted to the dev scenes' worst miss (15 px) and a darker
 * sweep made the classical estimate miss prongs by 23 px; over a prop the 8 px core left the tip of
 * dev02's bail (which the estimate gave to the acrylic block) 13 px outside; the beige, turned studs
 * lost ISNet 64 px of a butterfly back the same way; and a close-up of the pendant lost a third of
 * its stone's rim (up to 44 px) at the frame's work scale. The darker studs in a 1.5× larger file
 * then broke the 24 px margin that fixed those (misses of 30 px at the design scale, 210 px
 * unprotected): the margin is 32 px since. In a 2× larger file the whiter-sweep pendant's missed
 * prong, highlights and all, was taken for a prop and left to the core (1,035 px; PropDetector now
 * refuses a body with detail finer than its work pixel), and in a 3× larger file the darker studs
 * had a 4-level blob of noise on missed platinum released from the margin (1,428 px; MarginRelease
 * now needs a visible speck). A 3× larger close-up of the studs (a 411 px stone) lost 3,271 px of
 * a rim band the flood took at the stone's widest point, up to 100 px deep, which the hull cannot
 * reach (StoneHullRefiner now completes a round stone to its girdle). A 3× larger close-up of the
 * pendant left 277 fully jewelry px unprotected with ISNet (the classical segmenter
 * now unites a close-up's masks at two scales), and the 2× close-up 68 px of a prong tip: islands
 * of missed facets inside ISNet's stone made the piece measure smaller, and the margins with it
 * (AutoMargins now measures the estimate closed). The others never failed; they keep a yellow-gold
 * piece, extra noise, a dark grey sweep, a second close-up and two JPEG files (compression hides
 * the sensor noise every full-resolution threshold is scaled by) in the set.
 */
class ShotVariantsProtectionTest {
  static List<ShotVariant> variants() {
    int[] frame = {0, 0, 1600, 1200};
    double[] same = {1, 1, 1};
    return List.of(
        new ShotVariant("ring, darker sweep, mirrored", "solitaire", new double[] {0.85, 0.85, 0.85}, 1, frame, 0, 1),
        new ShotVariant("ring, warm sweep, portrait", "solitaire", new double[] {0.95, 0.92, 0.86}, 4,
            new int[] {0, 0, 1200, 1600}, 0, 1),
        new ShotVariant("ring, noisier", "solitaire", same, 0, frame, 3, 1),
        new ShotVariant("ring, JPEG quality 0.5", "solitaire", same, 0, frame, 0, 1, 0.5),
        new ShotVariant("pendant, whiter sweep, upside down", "pendant", new double[] {1.15, 1.15, 1.15}, 2, frame, 0, 1),
        new ShotVariant("pendant, whiter sweep, upside down, 2x larger file", "pendant",
            new double[] {1.15, 1.15, 1.15}, 2, frame, 0, 2),
        new ShotVariant("pendant, close-up crop", "pendant", same, 0, new int[] {400, 350, 800, 600}, 0, 1),
        new ShotVariant("pendant, close-up crop, 2x larger file", "pendant", same, 0, new int[] {400, 350, 800, 600}, 0, 2),
        new ShotVariant("pendant, close-up crop, 3x larger file", "pendant", same, 0, new int[] {400, 350, 800, 600}, 0, 3),
        new ShotVariant("pendant, JPEG quality 0.5", "pendant", same, 0, frame, 0, 1, 0.5),
        new ShotVariant("pendant, dark grey sweep", "pendant", new double[] {0.45, 0.45, 0.45}, 0, frame, 0, 1),
        new ShotVariant("studs, darker sweep", "stud", new double[] {0.8, 0.8, 0.8}, 0, frame, 0, 1),
        new ShotVariant("studs, darker sweep, 1.5x larger file", "stud", new double[] {0.8, 0.8, 0.8}, 0, frame, 0, 1.5),
        new ShotVariant("studs, darker sweep, 3x larger file", "stud", new double[] {0.8, 0.8, 0.8}, 0, frame, 0, 3),
        new ShotVariant("studs, beige sweep, turned", "stud", new double[] {0.97, 0.93, 0.85}, 3, frame, 0, 1),
        new ShotVariant("studs, close-up crop", "stud", same, 0, new int[] {250, 450, 800, 600}, 0, 1),
        new ShotVariant("studs, close-up crop, 3x larger file", "stud", same, 0, new int[] {250, 450, 800, 600}, 0, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void the_classical_estimate_protects_every_fully_jewelry_pixel(ShotVariant variant) {
    assertProtected(variant, new ProductMasks(new ClassicalSegmenter(), id -> Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void the_installed_model_protects_every_fully_jewelry_pixel(ShotVariant variant) {
    Optional<IsNetSegmenter> isnet = ModelRegistry.open(ModelFolder.userDefault().root()).segmenter();
    assumeTrue(isnet.isPresent(), "ISNet is not installed in " + ModelFolder.userDefault().root()
        + "; run tools/install-models");
    assertProtected(variant, new ProductMasks(new ClassicalSegmenter(), id -> "isnet".equals(id) ? isnet : Optional.empty()));
  }

  private static void assertProtected(ShotVariant variant, ProductMasks masks) {
    ShotVariant.Shot shot = variant.render();
    ProductMasks.ProductMask auto = masks.productMask("auto", "auto", shot.image(), null, 255, null, variant.name(),
        Progress.NONE);
    GrayU16 mask = auto.mask();
    long full = 0;
    long unprotected = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (shot.truth().get(x, y) == 65535) {
          full++;
          unprotected += mask.get(x, y) == 65535 ? 0 : 1;
        }
      }
    }
    System.out.printf("%s: selection IoU %.3f, %,d fully jewelry px, %d not fully protected%n", variant,
        QualityMetrics.iou(auto.selection(), shot.coverage(), 32768), full, unprotected);
    assertThat(unprotected).as("fully jewelry pixels left unprotected").isZero();
  }
}
