// SPDX-License-Identifier: Apache-2.0
package loupe.bench.quality;

import static loupe.bench.TestImages.image;
import static loupe.bench.TestImages.values;
import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class RegionsTest {
  /** 4×2: a row of jewelry (full, edge, none, none) over a row of background. */
  static final GrayU16 MASK = image(4, 2, 65535, 30000, 0, 0, 0, 0, 0, 0);
  /** Labels: dust at (2,0), hair at (3,1), prop at (0,1). */
  static final GrayU16 LABELS = image(4, 2, 0, 0, 1, 0, 3, 0, 0, 2);

  @Test
  void jewelry_is_only_the_fully_selected_pixels_and_background_only_the_empty_ones() {
    assertThat(values(Regions.jewelry(MASK))).containsExactly(65535, 0, 0, 0, 0, 0, 0, 0);
    assertThat(values(Regions.background(MASK))).containsExactly(0, 0, 65535, 65535, 65535, 65535, 65535, 65535);
  }

  @Test
  void the_sweep_is_background_without_labelled_defects() {
    assertThat(values(Regions.sweep(MASK, LABELS))).containsExactly(0, 0, 0, 65535, 0, 65535, 65535, 0);
  }

  @Test
  void labelled_pixels_are_selected_by_label_and_counted() {
    GrayU16 specks = Regions.labelled(LABELS, Regions.DUST, Regions.HAIR);
    assertThat(values(specks)).containsExactly(0, 0, 65535, 0, 0, 0, 0, 65535);
    assertThat(Regions.count(specks)).isEqualTo(2);
    assertThat(Regions.count(Regions.labelled(LABELS, Regions.PROP_SHADOW))).isZero();
  }
}
