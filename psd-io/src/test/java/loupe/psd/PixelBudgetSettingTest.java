// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One pixel budget for every read of the product ({@link PsdReadOptions#configured()}, used by
 * {@link PsdReader#read(java.nio.file.Path)}), set by the user through LOUPE_MAX_SAMPLES or
 * -Dloupe.maxSamples, and a refusal that says how to raise it.
 */
class PixelBudgetSettingTest {
    @AfterEach
    void clearProperty() { System.clearProperty(PsdReadOptions.MAX_SAMPLES_PROPERTY); }

    @Test
    void the_property_wins_over_the_variable_and_either_over_the_default() {
        assertThat(PsdReadOptions.configuredMaxSamples(null, null)).isEqualTo(PsdReadOptions.DEFAULT_MAX_PIXELS);
        assertThat(PsdReadOptions.configuredMaxSamples(null, " ")).isEqualTo(PsdReadOptions.DEFAULT_MAX_PIXELS);
        assertThat(PsdReadOptions.configuredMaxSamples(null, "5000")).isEqualTo(5000);
        assertThat(PsdReadOptions.configuredMaxSamples("2_000_000_000", "5000")).isEqualTo(2_000_000_000L);
    }

    @Test
    void a_bad_setting_is_named_with_its_value() {
        assertThatThrownBy(() -> PsdReadOptions.configuredMaxSamples(null, "lots"))
                .hasMessage("LOUPE_MAX_SAMPLES must be a positive whole number of samples (such as 2000000000), got 'lots'");
        assertThatThrownBy(() -> PsdReadOptions.configuredMaxSamples("0", null))
                .hasMessageStartingWith("-Dloupe.maxSamples must be a positive whole number");
    }

    @Test
    void reading_a_file_uses_the_setting_and_the_refusal_says_how_to_raise_it() throws Exception {
        var file = Corpus.path("psdtools__4x4-16bit-rgb-mask.psd");
        System.setProperty(PsdReadOptions.MAX_SAMPLES_PROPERTY, "20");
        Throwable refused = catchThrowable(() -> PsdReader.read(file));
        assertThat(refused).isInstanceOf(PsdFormatException.class)
                .hasMessageContaining("over the budget of 20 samples; set LOUPE_MAX_SAMPLES (or -Dloupe.maxSamples) to a larger number");
        assertThat(refused.getMessage()).doesNotContain("PsdReadOptions");
        System.clearProperty(PsdReadOptions.MAX_SAMPLES_PROPERTY);
        assertThat(PsdReader.read(file).width()).isEqualTo(4);
    }

    /**
     * Retouching reads and writes documents of up to 300 megapixels with four channels: such a file
     * must pass the default budget of every command (it was 1e9, under retouching's 1.2e9).
     */
    @Test
    void the_default_takes_a_four_channel_300_megapixel_document() {
        byte[] header = HostileInputTest.header(2, 4, 15_000, 20_000, 8, 3);
        Throwable t = catchThrowable(() -> PsdReader.read("big.psb", header, PsdReadOptions.configured()));
        assertThat(t).isInstanceOf(PsdFormatException.class);
        assertThat(t.getMessage()).doesNotContain("budget").contains("image data");
    }
}
