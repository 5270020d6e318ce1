// SPDX-License-Identifier: Apache-2.0
package loupe.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

  /** 65535 in the rectangle [x0, x1) × [y0, y1) of a 16×16 mask. */
  private static GrayU16 rect(int x0, int y0, int x1, int y1) {
    GrayU16 g = new GrayU16(16, 16);
    g.subimage(x0, y0, x1, y1).fill(65535);
    return g;
  }

  /**
   * Two 6×6 squares, columns 2..7 and 5..10 (offset 3 px), rows 2..7. Each boundary is its 20 ring
   * pixels (36 − 16 inside). With tolerance 2, a ring pixel of A matches unless the nearest ring
   * pixel of B is 3 away: only A's left column x = 2 (6 pixels; B's ring starts at x = 5), while A's
   * right column x = 7 is 2 from B's x = 5 and A's top/bottom pixels x = 3..7 are 0..2 from B's
   * top/bottom rows. Precision 14/20, recall 14/20 by symmetry: F = 0.7. With tolerance 0 only the
   * shared ring pixels match: A's (5..7, 2) and (5..7, 7), 6 of 20 each way: F = 0.3.
   */
  @Test
  void boundary_f_of_two_squares_offset_by_three_pixels() {
    GrayU16 a = rect(2, 2, 8, 8);
    GrayU16 b = rect(5, 2, 11, 8);
    assertThat(QualityMetrics.boundaryF(a, b, 32768, 2)).isCloseTo(0.7, within(1e-12));
    assertThat(QualityMetrics.boundaryF(b, a, 32768, 2)).isCloseTo(0.7, within(1e-12));
    assertThat(QualityMetrics.boundaryF(a, b, 32768, 0)).isCloseTo(0.3, within(1e-12));
  }

  /**
   * Predicted: the 6×6 square above (20 ring pixels); truth: its top 6×4 (columns 2..7, rows 2..5;
   * ring 24 − 8 = 16 pixels). Tolerance 1. Predicted ring pixels in row 7 ((2..7, 7), 6 pixels) are
   * 2 from the truth's bottom row 5: precision 14/20. The truth's bottom-row pixels (4, 5) and (5, 5)
   * are 2 from the predicted ring (x = 2 and 7, y = 7) while the rest touch it: recall 14/16. F =
   * 2·0.7·0.875 / (0.7 + 0.875) = 7/9. An empty truth against a non-empty prediction scores 0.
   */
  @Test
  void boundary_f_weighs_precision_and_recall_of_unequal_boundaries() {
    GrayU16 predicted = rect(2, 2, 8, 8);
    GrayU16 truth = rect(2, 2, 8, 6);
    assertThat(QualityMetrics.boundaryF(predicted, truth, 1, 1)).isCloseTo(7 / 9.0, within(1e-12));
    assertThat(QualityMetrics.boundaryF(predicted, new GrayU16(16, 16), 1, 1)).isZero();
    assertThat(QualityMetrics.boundaryF(new GrayU16(16, 16), new GrayU16(16, 16), 1, 1)).isEqualTo(1.0);
  }
}
