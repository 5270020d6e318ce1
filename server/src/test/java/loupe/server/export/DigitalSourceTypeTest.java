// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loupe.engine.recipe.BackgroundMode;
import loupe.engine.recipe.ModelUse;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeOptions;
import org.junit.jupiter.api.Test;

class DigitalSourceTypeTest {
  private static final List<ModelUse> NONE = List.of();
  @Test
  void generated_background_pixels_make_a_composite_filtering_alone_an_enhancement() {
    RecipeOptions quick = RecipeOptions.defaults(Recipe.QUICK);
    assertThat(DigitalSourceType.forRetouch(quick, false, NONE)).isNull();
    assertThat(DigitalSourceType.forRetouch(quick, true, NONE)).isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(quick.withBackground(BackgroundMode.WHITE), false, NONE))
        .isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(quick.withBackground(BackgroundMode.CLEAN), false, NONE))
        .isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.forRetouch(RecipeOptions.defaults(Recipe.PRO), false, NONE))
        .isEqualTo(DigitalSourceType.ALGORITHMICALLY_ENHANCED);
  }

  /** A trained inpainting model's fill is generative AI; a segmentation model generates no pixel. */
  @Test
  void a_fill_by_a_trained_model_is_declared_as_such_and_a_mask_model_is_not() {
    RecipeOptions quick = RecipeOptions.defaults(Recipe.QUICK);
    ModelUse lama = new ModelUse("lama", "default", "ab", ModelUse.PROP_INPAINTING);
    ModelUse isnet = new ModelUse("isnet", "small", "cd", ModelUse.PRODUCT_MASK);
    assertThat(DigitalSourceType.forRetouch(quick, true, List.of(isnet, lama)))
        .isEqualTo(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
    assertThat(DigitalSourceType.forRetouch(quick, true, List.of(isnet))).isEqualTo(DigitalSourceType.COMPOSITE);
    assertThat(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.uri())
        .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
  }

  @Test
  void terms_are_iptc_uris() {
    assertThat(DigitalSourceType.COMPOSITE.uri()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/composite");
    assertThat(DigitalSourceType.ALGORITHMICALLY_ENHANCED.uri())
        .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicallyEnhanced");
  }
}
