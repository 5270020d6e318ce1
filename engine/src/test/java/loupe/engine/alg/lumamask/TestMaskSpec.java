// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMaskSpec {
  @Test
  void every_canonical_name_parses_back_to_an_equal_spec() {
    List<MaskSpec> all = new ArrayList<>();
    for (ToneSource source : ToneSource.values()) {
      if (source == ToneSource.CHROMA) {
        continue;
      }
      for (ToneFamily family : ToneFamily.values()) {
        for (int order = 1; order <= family.maxOrder; order++) {
          MaskSpec.Tone wide = new MaskSpec.Tone(source, family, order);
          all.add(wide);
          for (int narrow = 1; narrow <= family.maxOrder; narrow++) {
            if (family.isNarrower(narrow, order)) {
              all.add(new MaskSpec.Zone(wide, new MaskSpec.Tone(source, family, narrow)));
            }
          }
        }
      }
    }
    all.add(new MaskSpec.Saturation());
    for (ProtectionPreset p : ProtectionPreset.values()) {
      all.add(new MaskSpec.Preset(p));
    }
    for (MaskSpec spec : all) {
      assertThat(MaskSpec.parse(spec.name())).as(spec.name()).isEqualTo(spec);
    }
    assertThat(all).hasSize(5 * (6 + 15 + 6 + 15 + 5 + 10) + 3);
  }

  @Test
  void names_from_the_brief_parse_to_what_they_say() {
    assertThat(MaskSpec.parse("lights3")).isEqualTo(new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 3));
    assertThat(MaskSpec.parse(" Darks4 ")).isEqualTo(new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.DARKS, 4));
    assertThat(MaskSpec.parse("midtones2")).isEqualTo(new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.MIDTONES, 2));
    assertThat(MaskSpec.parse("red-lights3")).isEqualTo(new MaskSpec.Tone(ToneSource.RED, ToneFamily.LIGHTS, 3));
    assertThat(MaskSpec.parse("zone:lights2-lights4")).isEqualTo(new MaskSpec.Zone(
        new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 2),
        new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 4)));
    assertThat(MaskSpec.parse("zone:blue-darks3-blue-darks5").name()).isEqualTo("zone:blue-darks3-blue-darks5");
    assertThat(MaskSpec.parse("saturation")).isEqualTo(new MaskSpec.Saturation());
    assertThat(MaskSpec.parse("diamond-highlights")).isEqualTo(new MaskSpec.Preset(ProtectionPreset.DIAMOND_HIGHLIGHTS));
    assertThat(MaskSpec.parse("metal-shadows")).isEqualTo(new MaskSpec.Preset(ProtectionPreset.METAL_SHADOWS));
    assertThat(MaskSpec.parseList("lights3,darks4, saturation")).extracting(MaskSpec::name)
        .containsExactly("lights3", "darks4", "saturation");
  }

  @Test
  void bad_names_are_rejected_with_what_is_wrong() {
    assertThatThrownBy(() -> MaskSpec.parse("lights7")).hasMessageContaining("lights order must be 1..6");
    assertThatThrownBy(() -> MaskSpec.parse("midtones6")).hasMessageContaining("1..5");
    assertThatThrownBy(() -> MaskSpec.parse("darks0")).hasMessageContaining("1..6");
    assertThatThrownBy(() -> MaskSpec.parse("zone:lights4-lights2")).hasMessageContaining("not narrower");
    assertThatThrownBy(() -> MaskSpec.parse("zone:midtones2-midtones4")).hasMessageContaining("not narrower");
    assertThatThrownBy(() -> MaskSpec.parse("zone:lights2-darks4")).hasMessageContaining("same family");
    assertThatThrownBy(() -> MaskSpec.parse("zone:lights2-red-lights4")).hasMessageContaining("same channel");
    for (String bad : new String[] {"purple-lights2", "lights", "lightsx", "chroma-lights2", "zone:lights2", "", "lights123"}) {
      assertThatThrownBy(() -> MaskSpec.parse(bad)).as(bad).hasMessageContaining("unknown luminosity mask");
    }
    assertThatThrownBy(() -> MaskSpec.parseList(" , ")).hasMessageContaining("no luminosity mask");
    assertThatThrownBy(() -> new LumaMaskConfig(LumaWeights.REC709, 7, 4)).hasMessageContaining("highlight order");
  }
}
