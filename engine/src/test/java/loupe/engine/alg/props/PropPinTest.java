// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import loupe.engine.Progress;
import loupe.engine.alg.defects.MaskDigest;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Pins the output of {@link PropDetector} to that of the first, single-threaded implementation
 * (digests recorded with it): speed work must not change a pixel. Inputs: the dev scenes with their
 * soft truth mask as P, and an odd-sized crop of one (partial work blocks on two sides), which must
 * also not depend on the thread count.
 *
 * <p>A refactoring pin, not a correctness test (that is {@code PropDetectorTest} and
 * {@code PropDevScenesTest}): when a change is meant to alter the output, re-record the digests and
 * say why in the commit.
 */
class PropPinTest {
  private static final Map<String, String> EXPECTED = Map.of(
      "dev01_solitaire_yellowgold", "26835/24ee80b1",
      "dev02_pendant_chain_whitegold", "12508/3c417b0d",
      "dev03_stud_earrings_platinum", "173929/5bc85778",
      "dev02 crop", "12274/35695b9e");

  @Test
  void dev_scenes_give_the_pinned_masks() {
    for (Path scene : TestImages.devScenes()) {
      Planar input = TestImages.readRgb(scene.resolve("input.png"));
      GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png"));
      check(scene.getFileName().toString(), detect(input, truth));
    }
  }

  @Test
  void an_odd_sized_crop_gives_the_pinned_mask_on_any_number_of_threads() throws Exception {
    Path scene = TestImages.devScene("dev02");
    Planar input = TestImages.readRgb(scene.resolve("input.png")).subimage(7, 5, 1598, 1187);
    GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png")).subimage(7, 5, 1598, 1187);
    String common = detect(input, truth);
    check("dev02 crop", common);
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        assertThat(pool.submit(() -> detect(input, truth)).get()).as("%d threads", threads).isEqualTo(common);
      } finally {
        pool.shutdown();
      }
    }
  }

  private static String detect(Planar input, GrayU16 truth) {
    return MaskDigest.of(PropDetector.detect(input, truth, PropConfig.DEFAULT, Progress.NONE));
  }

  private static void check(String name, String got) {
    System.out.printf("pin %s: props %s%n", name, got);
    assertThat(got).as(name).isEqualTo(EXPECTED.get(name));
  }
}
