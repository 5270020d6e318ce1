// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.engine.testing.LayerComposite;
import loupe.engine.alg.denoise.DevScene;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Quick recipe's clean background on the dev scenes. Stand-ins for the masks the recipe will
 * supply (segmentation and the defect detector): the product is truth_mask &gt; 0 grown by 3 pixels,
 * the exclude mask is every labelled defect (prop, prop shadow, dust, hair).
 *
 * <p>Background PSNR is over truth_mask == 0 (defects included) against truth_clean. Residue is
 * the fraction of labelled defect pixels still ≥ 12 levels off truth_clean; defect pixels under
 * the grown product mask are copied from the shot by definition, so the residue is also reported
 * over the defect pixels the background can reach (outside the product mask), which is what is
 * asserted.
 */
@Tag("slow")
class CleanBackgroundDevScenesTest {
  static Iterable<Path> scenes() {
    return TestImages.devScenes();
  }

  @ParameterizedTest
  @MethodSource("scenes")
  void replaces_the_background_and_removes_the_defects(Path dir) {
    DevScene scene = DevScene.load(dir);
    GrayU16 product = scene.dilatedProduct(3);
    long start = System.nanoTime();
    CleanBackground layers = CleanBackgroundOps.sweep(scene.input(), product, scene.defectMask(), SweepConfig.DEFAULT);
    double seconds = (System.nanoTime() - start) / 1e9;
    Planar composite = LayerComposite.of(scene.input(), product, layers);

    GrayU16 background = scene.background();
    GrayU16 reachable = new GrayU16(scene.width(), scene.height());
    int underProduct = 0;
    int defects = 0;
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        if (scene.defects().get(x, y) > 0) {
          defects++;
          if (product.get(x, y) > 0) {
            underProduct++;
          } else {
            reachable.set(x, y, 1);
          }
        }
      }
    }
    double before = QualityMetrics.psnr(scene.input(), scene.clean(), background, 255);
    double after = QualityMetrics.psnr(composite, scene.clean(), background, 255);
    double cleanBefore = QualityMetrics.psnr(scene.input(), scene.clean(), scene.cleanBackground(), 255);
    double cleanAfter = QualityMetrics.psnr(composite, scene.clean(), scene.cleanBackground(), 255);
    double residueAll = QualityMetrics.residue(composite, scene.clean(), scene.defects(), 12 * 257);
    double residueReachable = QualityMetrics.residue(composite, scene.clean(), reachable, 12 * 257);
    System.out.printf("%-32s vignette s %.4f (meta %.4f) | bg PSNR %.2f -> %.2f dB (+%.2f), defect-free bg %.2f -> %.2f"
            + " | defects gone %.1f%% of all, %.2f%% outside product (%d of %d defect px under the product) | %.2f s%n",
        scene.name(), layers.model().vignetteStrength(), scene.meta().get("vignetting").get("strength").asDouble(),
        before, after, after - before, cleanBefore, cleanAfter, 100 * (1 - residueAll), 100 * (1 - residueReachable),
        underProduct, defects, seconds);

    assertThat(after).isGreaterThan(before + 6);
    assertThat(cleanAfter).isGreaterThan(cleanBefore + 6);
    assertThat(residueReachable).isLessThanOrEqualTo(0.05);
    assertJewelryKept(scene, product, composite);
  }

  @ParameterizedTest
  @MethodSource("scenes")
  void white_leaves_pure_white_outside_the_contact_shadow(Path dir) {
    DevScene scene = DevScene.load(dir);
    GrayU16 product = scene.dilatedProduct(3);
    CleanBackground layers = CleanBackgroundOps.sweep(scene.input(), product, scene.defectMask(),
        SweepConfig.DEFAULT.withFill(BackgroundFill.WHITE));
    Planar composite = LayerComposite.of(scene.input(), product, layers);
    long background = 0;
    long white = 0;
    long shadowed = 0;
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        if (product.get(x, y) > 0) {
          continue;
        }
        background++;
        boolean isWhite = true;
        for (int c = 0; c < 3; c++) {
          isWhite &= composite.bands[c].get(x, y) == 65535;
        }
        if (layers.shadowMask().get(x, y) == 0) {
          assertThat(isWhite).as("(%d,%d) outside the shadow mask", x, y).isTrue();
        } else {
          shadowed++;
        }
        white += isWhite ? 1 : 0;
      }
    }
    System.out.printf("%-32s white: %.1f%% of the background is #FFFFFF, %.1f%% carries the contact shadow%n",
        scene.name(), 100.0 * white / background, 100.0 * shadowed / background);
    assertJewelryKept(scene, product, composite);
  }

  private static void assertJewelryKept(DevScene scene, GrayU16 product, Planar composite) {
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        if (product.get(x, y) == 65535) {
          for (int c = 0; c < 3; c++) {
            assertThat(composite.bands[c].get(x, y)).isEqualTo(scene.input().bands[c].get(x, y));
          }
        }
      }
    }
  }
}
