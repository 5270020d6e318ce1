// SPDX-License-Identifier: Apache-2.0
package loupe.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class QualityMetricsTest {
  /** A w×h image from row-major samples. */
  private static GrayU16 image(int w, int h, int... v) {
    GrayU16 g = new GrayU16(w, h);
    for (int i = 0; i < v.length; i++) {
      g.data[i] = (short) v[i];
    }
    return g;
  }

  @Test
  void changed_pixels_count_a_pixel_once_whatever_bands_differ_and_only_inside_the_region() {
    Planar a = new Planar(image(3, 1, 10, 20, 30), image(3, 1, 10, 20, 30), image(3, 1, 10, 20, 30));
    Planar b = new Planar(image(3, 1, 11, 20, 31), image(3, 1, 12, 20, 30), image(3, 1, 10, 20, 30));
    assertThat(QualityMetrics.changedPixels(a, b, image(3, 1, 1, 1, 1))).isEqualTo(2);
    assertThat(QualityMetrics.changedPixels(a, b, image(3, 1, 0, 1, 1))).isEqualTo(1);
    assertThat(QualityMetrics.changedPixels(a, b, image(3, 1, 0, 65535, 0))).isZero();
  }

  @Test
  void max_difference_is_the_largest_absolute_sample_difference_read_through_views() {
    assertThat(QualityMetrics.maxDifference(image(3, 1, 5, 100, 7), image(3, 1, 9, 90, 7))).isEqualTo(10);
    GrayU16 big = image(4, 2, 0, 0, 0, 0, 0, 65535, 3, 0);
    assertThat(QualityMetrics.maxDifference(big.subimage(1, 1, 3, 2), image(2, 1, 0, 0))).isEqualTo(65535);
    assertThat(QualityMetrics.maxDifference(big.subimage(2, 1, 4, 2), image(2, 1, 3, 0))).isZero();
    assertThatThrownBy(() -> QualityMetrics.maxDifference(image(2, 1), image(3, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void iou_thresholds_each_mask_on_its_own() {
    GrayU16 a = image(4, 1, 100, 200, 0, 0);
    GrayU16 b = image(4, 1, 0, 60000, 60000, 0);
    // a ≥ 150: {1}; b ≥ 32768: {1, 2}.
    assertThat(QualityMetrics.iou(a, 150, b, 32768)).isEqualTo(0.5);
    // a ≥ 50: {0, 1}; b ≥ 32768: {1, 2}.
    assertThat(QualityMetrics.iou(a, 50, b, 32768)).isEqualTo(1 / 3.0);
    assertThat(QualityMetrics.iou(a, b, 1)).isEqualTo(QualityMetrics.iou(a, 1, b, 1)).isEqualTo(1 / 3.0);
    assertThat(QualityMetrics.iou(image(2, 1), 1, image(2, 1), 1)).isEqualTo(1.0);
  }
}
