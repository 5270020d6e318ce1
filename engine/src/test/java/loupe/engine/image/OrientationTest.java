// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each tag value against the EXIF 2.3 definition (Orientation, tag 274): where the stored 0th row
 * and 0th column are in the shown picture — "right-top" (6) means the 0th row is the shown right
 * side and the 0th column the shown top.
 */
class OrientationTest {
  @ParameterizedTest(name = "{0}: 0th row {1}, 0th column {2}")
  @CsvSource({
      "1, top, left", "2, top, right", "3, bottom, right", "4, bottom, left",
      "5, left, top", "6, right, top", "7, right, bottom", "8, left, bottom"})
  void the_stored_first_row_and_column_land_where_exif_says(int tag, String row0, String col0) {
    int w = 3;
    int h = 2;
    GrayU16 stored = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        stored.set(x, y, 1 + x + 10 * y);
      }
    }
    GrayU16 shown = Orientation.ofExif(tag).upright(stored);
    boolean sideways = row0.equals("left") || row0.equals("right");
    assertThat(shown.width).isEqualTo(sideways ? h : w);
    assertThat(shown.height).isEqualTo(sideways ? w : h);
    // The stored row 0 runs along the shown edge row0, starting at the shown edge col0.
    for (int x = 0; x < w; x++) {
      int along = x;
      int[] at = place(shown, row0, col0, along);
      assertThat(shown.get(at[0], at[1])).as("stored (%d, 0)", x).isEqualTo(1 + x);
    }
    // And the stored column 0 runs along the edge col0, starting at the edge row0.
    for (int y = 0; y < h; y++) {
      int[] at = place(shown, col0, row0, y);
      assertThat(shown.get(at[0], at[1])).as("stored (0, %d)", y).isEqualTo(1 + 10 * y);
    }
  }

  /** The pixel {@code steps} along edge {@code edge}, counted from the edge {@code start}. */
  private static int[] place(GrayU16 img, String edge, String start, int steps) {
    int last = edge.equals("top") || edge.equals("bottom") ? img.width - 1 : img.height - 1;
    int along = start.equals("left") || start.equals("top") ? steps : last - steps;
    return switch (edge) {
      case "top" -> new int[] {along, 0};
      case "bottom" -> new int[] {along, img.height - 1};
      case "left" -> new int[] {0, along};
      default -> new int[] {img.width - 1, along};
    };
  }

  @ParameterizedTest
  @CsvSource({"0", "9", "-1"})
  void a_tag_outside_1_to_8_is_taken_as_stored(int tag) {
    GrayU16 stored = new GrayU16(3, 2);
    assertThat(Orientation.ofExif(tag).upright(stored)).isSameAs(stored);
  }
}
