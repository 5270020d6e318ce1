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

  @Test
  void nearest_keeps_label_values_and_reads_views_through_their_stride() {
    var labels = image(3, 1, 7, 1, 4).subimage(1, 0, 3, 1);
    assertThat(values(Resample.nearest(labels, 5, 1))).containsExactly(1, 1, 4, 4, 4);
  }

  @Test
  void an_upscaled_scene_keeps_labels_whole_and_rounds_an_8_bit_input_to_8_bit_values() {
    var input = new loupe.engine.image.Planar(image(2, 1, 0, 257 * 255), image(2, 1, 0, 0), image(2, 1, 0, 0));
    Scene s = new Scene("s", null, input, input.copy(), image(2, 1, 65535, 0), image(2, 1, 3, 1), null,
        loupe.engine.image.BitDepth.EIGHT);
    Scene eight = s.upscaled(4, loupe.engine.image.BitDepth.EIGHT);
    Scene sixteen = s.upscaled(4, loupe.engine.image.BitDepth.SIXTEEN);
    assertThat(values(eight.defects())).containsExactly(3, 3, 1, 1, 3, 3, 1, 1);
    assertThat(java.util.Arrays.stream(values(eight.input().bands[0]))).allMatch(v -> v % 257 == 0).contains(0, 257 * 255);
    assertThat(java.util.Arrays.stream(values(sixteen.input().bands[0]))).anyMatch(v -> v % 257 != 0);
    assertThat(sixteen.size()).isEqualTo("4×2 16-bit");
  }
}
