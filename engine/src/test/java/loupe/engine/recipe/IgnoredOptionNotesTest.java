// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.Progress;
import org.junit.jupiter.api.Test;

/** An option the recipe cannot use is named in the job's notes, not silently dropped. */
class IgnoredOptionNotesTest {
  static RetouchResult run(Recipe recipe, RecipeOptions opt) {
    return RecipeRunner.run(recipe, RecipeHealTest.input(null), opt, Progress.NONE);
  }

  @Test
  void quick_names_a_frequency_separation_radius_it_ignores() {
    RetouchResult asked = run(Recipe.QUICK, RecipeOptions.defaults(Recipe.QUICK).withFsRadius(6));
    RetouchResult byDefault = run(Recipe.QUICK, RecipeOptions.defaults(Recipe.QUICK));

    assertThat(asked.notes()).contains("Quick makes no frequency-separation layers; fsRadius 6.0 ignored");
    assertThat(asked.layers()).noneMatch(l -> l.group().contains("frequency separation"));
    assertThat(byDefault.notes()).noneMatch(n -> n.contains("fsRadius"));
  }

  @Test
  void a_replaced_background_names_the_denoise_it_ignores() {
    RetouchResult pro = run(Recipe.PRO, RecipeOptions.defaults(Recipe.PRO).withBackground(BackgroundMode.WHITE));
    RetouchResult quick = run(Recipe.QUICK, RecipeOptions.defaults(Recipe.QUICK).withBackground(BackgroundMode.CLEAN));
    RetouchResult kept = run(Recipe.PRO, RecipeOptions.defaults(Recipe.PRO));

    assertThat(pro.notes()).anyMatch(n -> n.startsWith("not denoised: the background was replaced")
        && n.contains("0.5"));
    assertThat(quick.notes()).noneMatch(n -> n.contains("denoised"));
    assertThat(kept.notes()).contains("background denoised at strength 0.5").noneMatch(n -> n.contains("not denoised"));
  }
}
