// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import static loupe.bench.TestImages.image;
import static loupe.bench.TestImages.values;
import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.Planar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class CvImagesTest {
  @BeforeAll
  static void load() {
    CvImages.load();
  }

  @Test
  void sixteen_bit_storage_rounds_to_eight_bits_in_bgr_order() {
    // 128 → 0.498 levels → 0; 129 → 0.502 → 1; 65535 → 255; 257·7 → 7.
    Planar rgb = new Planar(image(2, 1, 128, 65535), image(2, 1, 129, 0), image(2, 1, 1799, 0));
    Mat m = CvImages.toBgr8(rgb);
    byte[] px = new byte[6];
    m.get(0, 0, px);
    assertThat(new int[] {px[0] & 0xFF, px[1] & 0xFF, px[2] & 0xFF, px[3] & 0xFF, px[4] & 0xFF, px[5] & 0xFF})
        .containsExactly(7, 1, 0, 0, 0, 255);
  }

  @Test
  void eight_bit_documents_survive_the_round_trip_exactly() {
    Planar rgb = new Planar(image(3, 1, 0, 257 * 200, 65535), image(3, 1, 257, 257 * 2, 257 * 3),
        image(3, 1, 257 * 9, 0, 257 * 254));
    assertThat(CvImages.fromBgr8(CvImages.toBgr8(rgb)).sameSamples(rgb)).isTrue();
  }

  @Test
  void masks_go_over_binarised_or_rounded_and_come_back_times_257() {
    var mask = image(3, 1, 0, 1, 65535);
    assertThat(values(CvImages.fromGray8(CvImages.toGray8(mask, true)))).containsExactly(0, 65535, 65535);
    assertThat(values(CvImages.fromGray8(CvImages.toGray8(mask, false)))).containsExactly(0, 0, 65535);
  }
}
