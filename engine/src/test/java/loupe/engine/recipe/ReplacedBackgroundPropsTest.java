// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.Progress;
import loupe.engine.alg.denoise.DevScene;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Every recipe that replaces the background looks for props when it was given none: otherwise the
 * putty stays inside the contact-shadow Multiply layer, plainly visible on pure white.
 */
class ReplacedBackgroundPropsTest {
  static final int PROP = 3 * 257; // truth_defects.png label 3 (prop body), read as 16-bit

  /**
   * dev01 (putty behind the band), flat, truth_mask as the product, Pro + white. How the contact-shadow
   * layer (Multiply, darkening = mask·(1 − layer) in the worst band) treats the 17,281 prop-body pixels:
   *
   * <pre>
   *                                    before   after
   *   darkened by &ge; 12 of 255 levels     17,266       2
   *   mean darkening                     31.6 %   0.14 %
   *   layer mask &ge; 50 %                  17,141   3,418
   *   layer mask &gt; 0                     17,281   9,754
   * </pre>
   *
   * Before, Pro found no props with a replaced background, so the putty was measured as shadow and
   * printed at a third of white. The mask that remains after is the ring's cast shadow continued under
   * the excluded prop from its measured neighbours (ContactShadow), at a density that darkens no more
   * than 2 pixels visibly (12 levels, the threshold of the truth labels).
   */
  @Test
  void pro_on_white_keeps_the_putty_out_of_the_contact_shadow() {
    DevScene scene = DevScene.load(TestImages.devScene("dev01"));
    RetouchInput in = new RetouchInput(scene.input(), BitDepth.EIGHT, scene.truthMask(), null, null, null);
    RetouchResult result = RecipeRunner.run(Recipe.PRO, in,
        RecipeOptions.defaults(Recipe.PRO).withBackground(BackgroundMode.WHITE), Progress.NONE);

    OutputLayer shadow = result.layers().stream().filter(l -> l.name().startsWith("Loupe contact shadow"))
        .findFirst().orElseThrow();
    long prop = 0;
    long visible = 0;
    double darkening = 0;
    for (int y = 0; y < in.height(); y++) {
      for (int x = 0; x < in.width(); x++) {
        if (scene.defects().get(x, y) != PROP) {
          continue;
        }
        prop++;
        double mask = shadow.asComposite().coverage(x, y) / 65535.0;
        double worst = 0;
        for (GrayU16 band : shadow.pixels().bands) {
          worst = Math.max(worst, mask * (1 - band.get(x, y) / 65535.0));
        }
        visible += worst * 255 >= 12 ? 1 : 0;
        darkening += worst;
      }
    }
    assertThat(prop).isEqualTo(17_281);
    assertThat(result.notes()).anyMatch(n -> n.contains("prop pixels found automatically"));
    assertThat(visible).isLessThan(prop / 1000);
    assertThat(darkening / prop).isLessThan(0.01);
  }
}
