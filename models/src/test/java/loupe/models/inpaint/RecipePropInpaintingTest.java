// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.recipe.ModelInpainter;
import loupe.engine.recipe.ModelUse;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeOptions;
import loupe.engine.recipe.RecipeRunner;
import loupe.engine.recipe.RetouchInput;
import loupe.engine.recipe.RetouchResult;
import loupe.models.ModelCatalog;
import loupe.models.ModelRegistry;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe with {@code inpainter=lama} on a shot whose jewelry is painted a colour found nowhere
 * else (pure magenta) next to a prop. The tiny fixture model fills with the per-channel maximum of
 * what it sees, so if any jewelry pixel reached it, the fill's red and blue would be 255.
 */
class RecipePropInpaintingTest {
  static final int W = 120;
  static final int H = 90;
  static final int MAGENTA_RB = 255 * 257;
  @TempDir static Path folder;
  static ModelRegistry registry;
  static ModelInpainter lama;

  @BeforeAll
  static void install() {
    registry = Fixtures.installedRegistry(folder);
    ModelCatalog c = Fixtures.catalog();
    lama = new OnnxInpainter(registry.session(c.require("tiny-lama"), c.require("tiny-lama").defaultVariant()),
        new CropConfig(8)).forRecipes();
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  /** Grey sweep 150..170 (8-bit) with grain, a magenta ring at (50, 40), a dark putty block below-right of it. */
  static RetouchInput scene() {
    Random random = new Random(11);
    Planar image = Planar.create(3, W, H);
    GrayU16 product = new GrayU16(W, H);
    GrayU16 prop = new GrayU16(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double d = Math.hypot(x - 50, y - 40);
        boolean jewel = d >= 8 && d < 16;
        boolean putty = x >= 62 && x < 90 && y >= 48 && y < 66;
        int grey = 150 + random.nextInt(21);
        for (int c = 0; c < 3; c++) {
          int v = jewel ? (c == 1 ? 0 : 255) : putty ? 60 + 10 * c : grey;
          image.bands[c].set(x, y, v * 257);
        }
        product.set(x, y, jewel ? 65535 : 0);
        prop.set(x, y, x >= 60 && x < 92 && y >= 46 && y < 68 ? 65535 : 0);
      }
    }
    return new RetouchInput(image, BitDepth.EIGHT, product, null, null, prop);
  }

  static final ModelInpainter.Source INSTALLED = id -> id.equals("lama") ? Optional.of(lama) : Optional.empty();

  @Test
  void propsAreFilledByTheModelFromTheBackgroundOnlyAndTheResultNamesTheModel() {
    RetouchInput in = scene();
    RecipeOptions opt = RecipeOptions.defaults(Recipe.PRO).withDenoise(0).withFsRadius(0).withInpainter("lama");
    RetouchResult result = RecipeRunner.run(Recipe.PRO, in, opt, INSTALLED, Progress.NONE);

    assertThat(result.fidelity().bitExact()).isTrue();
    assertThat(result.fidelity().protectedPixels()).isPositive();
    assertThat(result.models()).containsExactly(
        new ModelUse("tiny-lama", "default", registry.inpainter("tiny-lama").orElseThrow().modelInfo().sha256(),
            "prop inpainting"));
    assertThat(result.models().get(0).sha256()).matches("[0-9a-f]{64}");
    Planar background = result.layers().get(0).pixels();
    int filled = 0;
    for (int y = 46; y < 68; y++) {
      for (int x = 60; x < 92; x++) {
        if (Math.hypot(x - 50, y - 40) < 16 + 4 + 1) {
          continue; // within the guard band: left as shot
        }
        int r = background.bands[0].get(x, y);
        int g = background.bands[1].get(x, y);
        int b = background.bands[2].get(x, y);
        assertThat(r).as("red at (%d, %d)", x, y).isBetween(150 * 257, 170 * 257);
        assertThat(b).as("blue at (%d, %d)", x, y).isLessThan(MAGENTA_RB);
        assertThat(g).as("the putty is gone at (%d, %d)", x, y).isGreaterThanOrEqualTo(150 * 257);
        filled++;
      }
    }
    assertThat(filled).isGreaterThan(500);
    // The model's fill (the window's maximum) is not what the classical inpainting makes of the same hole.
    RetouchResult classical = RecipeRunner.run(Recipe.PRO, in, opt.withInpainter("classical"), INSTALLED, Progress.NONE);
    assertThat(classical.models()).isEmpty();
    assertThat(classical.layers().get(0).pixels().sameSamples(background)).isFalse();
  }

  @Test
  void aModelThatIsNotInstalledIsAClearErrorBeforeAnyWork() {
    RecipeOptions opt = RecipeOptions.defaults(Recipe.PRO).withInpainter("migan");
    assertThatThrownBy(() -> RecipeRunner.run(Recipe.PRO, scene(), opt, INSTALLED, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inpainter 'migan' is not installed: run `loupe models add migan <file.onnx>`");
  }
}
