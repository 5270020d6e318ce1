// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import static loupe.bench.TestImages.image;
import static loupe.bench.TestImages.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResampleTest {
  @Test
  void doubling_places_samples_at_quarter_positions_between_centres_and_clamps_at_the_edges() {
    // Output centres map to −0.25, 0.25, 0.75, 1.25 in the source: 0 (clamped), 250, 750, 1000 (clamped).
    assertThat(values(Resample.bilinear(image(2, 1, 0, 1000), 4, 1))).containsExactly(0, 250, 750, 1000);
  }

  @Test
  void rows_interpolate_like_columns_and_views_are_read_through_their_stride() {
    var source = image(3, 2, 9, 0, 9, 9, 400, 9).subimage(1, 0, 2, 2);
    assertThat(values(Resample.bilinear(source, 1, 4))).containsExactly(0, 100, 300, 400);
  }
}
