// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkImageTest {
  private static final int W = 131;
  private static final int H = 77;

  /** Random levels on a larger image, seen through a view with an offset and a stride. */
  private static Planar shot() {
    SplittableRandom random = new SplittableRandom(5);
    Planar whole = Planar.create(3, W + 9, H + 4);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < whole.height; y++) {
        for (int x = 0; x < whole.width; x++) {
          whole.bands[c].set(x, y, random.nextInt(65536));
        }
      }
    }
    return whole.subimage(5, 3, 5 + W, 3 + H);
  }

  /** How much of full pixel [p, p+1) the work pixel [k·s, (k+1)·s) covers. */
  private static double overlap(int p, int k, double s) {
    return Math.max(0, Math.min(p + 1, (k + 1) * s) - Math.max(p, k * s));
  }

  /** The obvious integral: every full pixel weighted by the area of it the work pixel covers. */
  @ParameterizedTest
  @ValueSource(doubles = {1.0, 2.0, 3.0, 1.625, 2.75, 7.3})
  void eachWorkPixelIsTheAreaMeanOfWhatItCovers(double scale) {
    Planar image = shot();
    WorkImage work = WorkImage.of(image, scale, Progress.NONE);
    assertThat(work.width).isEqualTo((int) Math.ceil(W / scale - 1e-9));
    assertThat(work.height).isEqualTo((int) Math.ceil(H / scale - 1e-9));
    for (int c = 0; c < 3; c++) {
      for (int yw = 0; yw < work.height; yw++) {
        for (int xw = 0; xw < work.width; xw++) {
          double sum = 0;
          double area = 0;
          for (int y = 0; y < H; y++) {
            double wy = overlap(y, yw, scale);
            for (int x = 0; x < W && wy > 0; x++) {
              double a = wy * overlap(x, xw, scale);
              sum += a * image.bands[c].get(x, y);
              area += a;
            }
          }
          assertThat((double) work.channels[c].data()[yw * work.width + xw])
              .isCloseTo(sum / area / 257, within(1e-3));
        }
      }
    }
  }

  @Test
  void anExactQuotientGivesTheDesignsSizeWithoutASliver() {
    Planar image = Planar.create(3, 1300, 975);
    WorkImage work = WorkImage.of(image, 1300 / 800.0, Progress.NONE);
    assertThat(work.width).isEqualTo(800);
    assertThat(work.height).isEqualTo(600);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 2.0, 1.625, 2.75})
  void aFullPixelBelongsToTheWorkPixelThatCoversItsCentre(double scale) {
    WorkImage work = WorkImage.of(shot(), scale, Progress.NONE);
    for (int x = 0; x < W; x++) {
      int k = work.column(x);
      assertThat(x + 0.5).as("column %d", x).isBetween(k * scale, Math.min(W, (k + 1) * scale));
    }
    for (int y = 0; y < H; y++) {
      int k = work.row(y);
      assertThat(y + 0.5).as("row %d", y).isBetween(k * scale, Math.min(H, (k + 1) * scale));
      assertThat(work.index(3, y)).isEqualTo(k * work.width + work.column(3));
    }
  }

  @Test
  void aWorkBoxCoversTheFullPixelsItHolds() {
    WorkImage work = WorkImage.of(shot(), 2.75, Progress.NONE);
    Rect box = work.fullBox(3, 2, 7, 5);
    assertThat(box).isEqualTo(new Rect(8, 5, 20, 14));
    assertThat(work.fullBox(0, 0, work.width, work.height)).isEqualTo(Rect.ofSize(W, H));
    for (int x = 0; x < W; x++) {
      boolean held = work.column(x) >= 3 && work.column(x) < 7;
      assertThat(!held || (x >= box.left() && x < box.right())).as("column %d", x).isTrue();
    }
    assertThat(work.fullPx(1)).isEqualTo(3);
    assertThat(WorkImage.of(shot(), 2.0, Progress.NONE).fullPx(3)).isEqualTo(6);
  }

  @Test
  void refusesToEnlarge() {
    assertThatThrownBy(() -> WorkImage.of(shot(), 0.5, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.5");
  }
}
