// SPDX-License-Identifier: Apache-2.0
package loupe.bench.quality;

import static loupe.bench.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class SceneQualityTest {
  @Test
  void residue_counts_pixels_still_twelve_levels_off_and_is_null_without_labels() {
    Planar clean = new Planar(image(4, 1, 0, 0, 0, 0), image(4, 1, 0, 0, 0, 0), image(4, 1, 0, 0, 0, 0));
    // 3083 is 11.996 levels: fixed; 3084 is 12.0 levels: residue; the third pixel is off in blue only.
    Planar result = new Planar(image(4, 1, 3083, 3084, 0, 9999), image(4, 1, 0, 0, 0, 0),
        image(4, 1, 0, 0, 5000, 0));
    GrayU16 labels = image(4, 1, 1, 1, 1, 2);
    assertThat(SceneQuality.residue(result, clean, labels, Regions.DUST)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(SceneQuality.residue(result, clean, labels, Regions.HAIR)).isEqualTo(1.0);
    assertThat(SceneQuality.residue(result, clean, labels, Regions.PROP)).isNull();
  }

  @Test
  void psnr_is_in_eight_bit_terms_and_null_over_an_empty_region() {
    Planar a = new Planar(image(2, 1, 257, 0), image(2, 1, 0, 0), image(2, 1, 0, 0));
    Planar b = new Planar(image(2, 1, 0, 0), image(2, 1, 0, 0), image(2, 1, 0, 0));
    // One level off in one of three samples: MSE 1/3, PSNR = 10·log10(255²·3) = 52.9020 dB.
    assertThat(SceneQuality.psnr8(a, b, image(2, 1, 1, 0))).isCloseTo(52.9020, within(1e-4));
    assertThat(SceneQuality.psnr8(a, b, image(2, 1, 0, 0))).isNull();
  }

  @Test
  void coverage_is_the_detected_share_of_a_region_and_outside_counts_the_rest() {
    GrayU16 detected = image(5, 1, 65535, 0, 1, 65535, 0);
    GrayU16 region = image(5, 1, 65535, 65535, 65535, 0, 0);
    assertThat(SceneQuality.coverage(detected, region)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(SceneQuality.coverage(detected, image(5, 1, 0, 0, 0, 0, 0))).isNull();
    assertThat(SceneQuality.outside(detected, region)).isEqualTo(1);
  }

  @Test
  void masks_are_compared_binarised_at_one_half() {
    GrayU16 truth = image(4, 1, 65535, 65535, 0, 0);
    GrayU16 predicted = image(4, 1, 32768, 32767, 40000, 0);
    // Predicted {0, 2} vs truth {0, 1}: intersection 1, union 3.
    assertThat(SceneQuality.iou(predicted, truth)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(SceneQuality.iou(truth, truth)).isEqualTo(1.0);
  }
}
