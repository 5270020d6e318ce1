// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import loupe.server.UserError;
import org.junit.jupiter.api.Test;

/** The PSD upload's query string: yes/no options are true or false, never guessed. */
class RetouchRequestTest {
  @Test
  void true_and_false_in_any_case_set_the_protection() {
    RetouchRequest on = RetouchRequest.fromQuery(Map.of("recipe", List.of("quick"),
        "protectHighlights", List.of("TRUE"), "protectShadows", List.of("True")));
    assertThat(on.options().protectHighlights()).isTrue();
    assertThat(on.options().protectShadows()).isTrue();
    RetouchRequest off = RetouchRequest.fromQuery(Map.of("recipe", List.of("quick"),
        "protectHighlights", List.of("false"), "protectShadows", List.of("FALSE")));
    assertThat(off.options().protectHighlights()).isFalse();
    assertThat(off.options().protectShadows()).isFalse();
  }

  @Test
  void an_absent_flag_keeps_the_recipe_default() {
    RetouchRequest defaults = RetouchRequest.fromQuery(Map.of("recipe", List.of("pro")));
    RetouchRequest explicit = RetouchRequest.of("pro", null, null, null, null, null, null, null);
    assertThat(defaults.options()).isEqualTo(explicit.options());
  }

  @Test
  void one_yes_or_an_empty_value_is_refused_naming_the_parameter() {
    for (String bad : List.of("1", "yes", "on", "", "truee")) {
      assertThatThrownBy(() -> RetouchRequest.fromQuery(Map.of("protectShadows", List.of(bad))))
          .as("'%s'", bad)
          .isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("protectShadows", "'" + bad + "'", "true or false");
          });
    }
  }

  /** "auto:" names no model: it is plain auto, needing none (a review found it refused as an unknown model). */
  @Test
  void a_bare_auto_colon_needs_no_model() {
    org.assertj.core.api.Assertions.assertThatCode(() -> InstalledModels.requireModels(
        RetouchRequest.of("pro", null, null, null, null, null, null, "auto:"))).doesNotThrowAnyException();
  }

  @Test
  void product_mask_sources_are_checked_and_normalised_when_the_request_is_made() {
    assertThat(RetouchRequest.maskSource(" Layer ")).isEqualTo("layer");
    assertThat(RetouchRequest.maskSource("AUTO:IsNet")).isEqualTo("auto:isnet");
    assertThat(RetouchRequest.maskSource("path:Ring Outline")).isEqualTo("path:Ring Outline");
    assertThat(RetouchRequest.maskSource("selection")).isEqualTo("selection");
    assertThat(RetouchRequest.maskSource("Channel:Alpha 1")).isEqualTo("channel:Alpha 1");
    assertThat(RetouchRequest.maskSource(null)).isNull();
    for (String empty : List.of("", "  ")) {
      assertThatThrownBy(() -> RetouchRequest.maskSource(empty)).isInstanceOf(UserError.class)
          .hasMessageStartingWith("the product-mask source is empty");
    }
    for (String bad : List.of("bogus", "layer:Jewelry", "auto:sam", "channel", "channel:", "selection:x")) {
      assertThatThrownBy(() -> RetouchRequest.maskSource(bad)).as(bad).isInstanceOf(UserError.class)
          .hasMessageContaining("unknown product-mask source '" + bad + "'");
    }
    assertThatThrownBy(() -> RetouchRequest.fromQuery(Map.of("productMask", List.of("selection"))))
        .isInstanceOf(UserError.class).hasMessageContaining("is for panel jobs");
    // A panel job carries no file: a saved mask is refused when the request is made, not when the job runs.
    for (String saved : List.of("channel:Ring", "path", "path:Outline")) {
      assertThatThrownBy(() -> RetouchRequest.of("pro", null, null, null, null, null, null, saved).forPanel())
          .as(saved).isInstanceOf(UserError.class).hasMessageContaining("reads a mask saved in a PSD/PSB file");
    }
    assertThat(RetouchRequest.of("pro", null, null, null, null, null, null, "selection").forPanel().maskSource())
        .isEqualTo("selection");
  }

  @Test
  void heal_and_prop_masks_name_a_saved_channel_or_path_and_are_checked_when_the_request_is_made() {
    RetouchRequest r = RetouchRequest.fromQuery(Map.of("recipe", List.of("editorial"),
        "heal", List.of("Channel:Scratch 2"), "props", List.of(" PATH:Stand ")));
    assertThat(r.healSource()).isEqualTo("channel:Scratch 2");
    assertThat(r.propSource()).isEqualTo("path:Stand");
    assertThat(RetouchRequest.fromQuery(Map.of()).propSource()).isNull();
    assertThat(RetouchRequest.of("pro", null, null, null, null, null, null, null).withProps("channel:Putty")
        .withInpainter("classical").propSource()).as("kept by the other options").isEqualTo("channel:Putty");
    for (String bad : List.of("path:Outline", "channel:", "Scratch", "selection")) {
      assertThatThrownBy(() -> RetouchRequest.fromQuery(Map.of("heal", List.of(bad)))).as(bad)
          .isInstanceOf(UserError.class).hasMessageContaining("heal '" + bad + "': use channel:NAME");
    }
    for (String bad : List.of("layer", "path:", "auto:isnet")) {
      assertThatThrownBy(() -> RetouchRequest.fromQuery(Map.of("props", List.of(bad)))).as(bad)
          .isInstanceOf(UserError.class).hasMessageContaining("props '" + bad + "': use channel:NAME")
          .hasMessageContaining("path:NAME");
    }
  }
}
