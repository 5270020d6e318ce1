// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages say blend modes and layer kinds in Photoshop's words, keeping a key Loupe has no words for. */
class PsdNamesTest {
    @Test
    void blend_modes_are_photoshops_names() {
        assertThat(PsdNames.blendMode("lddg")).isEqualTo("Linear Dodge (Add)");
        assertThat(PsdNames.blendMode("mul ")).isEqualTo("Multiply");
        assertThat(PsdNames.blendMode("zzzz")).isEqualTo("'zzzz'");
    }

    @Test
    void blocks_say_what_the_layer_is_and_keep_the_key() {
        assertThat(PsdNames.block("vmsk")).isEqualTo("a vector mask ('vmsk')");
        assertThat(PsdNames.block("SoCo")).isEqualTo("a solid colour fill ('SoCo')");
        assertThat(PsdNames.block("Xyz1")).isEqualTo("a 'Xyz1' block");
    }
}
