// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.recipe.BackgroundMode;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeOptions;
import org.junit.jupiter.api.Test;

class DigitalSourceTypeTest {
  @Test
  void generated_background_pixels_make_a_composite_filtering_alone_an_enhancement() {
    RecipeOptions quick = RecipeOptions.defaults(Recipe.QUICK);
    assertThat(DigitalSourceType.forRetouch(quick, false)).isNull();
    assertThat(DigitalSourceType.forRetouch(quick, true)).isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(quick.withBackground(BackgroundMode.WHITE), false))
        .isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(quick.withBackground(BackgroundMode.CLEAN), false))
        .isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(RecipeOptions.defaults(Recipe.PRO), false))
        .isEqualTo(DigitalSourceType.ALGORITHMICALLY_ENHANCED);
  }

  @Test
  void terms_are_iptc_uris() {
    assertThat(DigitalSourceType.COMPOSITE.uri()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/composite");
    assertThat(DigitalSourceType.ALGORITHMICALLY_ENHANCED.uri())
        .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicallyEnhanced");
  }
}
