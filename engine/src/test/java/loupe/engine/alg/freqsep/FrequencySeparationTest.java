// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Low + High in Linear Light gives back the layer: within 1 level in 8-bit and within 1/32768 of
 * full scale (2 storage units) in 16-bit, on random images and on the dev scenes' jewelry pixels.
 */
class FrequencySeparationTest {
  private static Planar random(int w, int h, BitDepth depth, long seed) {
    Random rnd = new Random(seed);
    Planar out = Planar.create(3, w, h);
    for (GrayU16 band : out.bands) {
      for (int i = 0; i < w * h; i++) {
        band.data[i] = (short) depth.toStorage(rnd.nextInt(depth.maxValue() + 1));
      }
    }
    return out;
  }

  /** Largest |recombined − original| in storage units over pixels where region &gt; 0 (null = all). */
  private static int maxError(Planar original, Planar recombined, GrayU16 region) {
    int worst = 0;
    for (int c = 0; c < original.numBands(); c++) {
      for (int y = 0; y < original.height; y++) {
        for (int x = 0; x < original.width; x++) {
          if (region == null || region.get(x, y) > 0) {
            worst = Math.max(worst, Math.abs(recombined.bands[c].get(x, y) - original.bands[c].get(x, y)));
          }
        }
      }
    }
    return worst;
  }

  private static int roundTrip(Planar image, BitDepth depth, double radius, GrayU16 region) {
    FrequencyLayers layers = FrequencySeparation.split(image, depth, radius);
    return maxError(image, FrequencySeparation.recombine(layers.low(), layers.high(), depth), region);
  }

  @Test
  void random_images_come_back_within_one_step() {
    for (double radius : new double[] {0, 1, 4, 12}) {
      assertThat(roundTrip(random(61, 47, BitDepth.EIGHT, 1), BitDepth.EIGHT, radius, null)).isLessThanOrEqualTo(257);
      assertThat(roundTrip(random(61, 47, BitDepth.SIXTEEN, 2), BitDepth.SIXTEEN, radius, null))
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  void high_layer_is_mid_grey_where_the_layer_is_flat() {
    Planar flat = Planar.create(1, 30, 20);
    flat.bands[0].fill(40000);
    FrequencyLayers sixteen = FrequencySeparation.split(flat, BitDepth.SIXTEEN, 3);
    assertThat(sixteen.high().bands[0].get(15, 10)).isEqualTo(32768);
    flat.bands[0].fill(200 * 257);
    FrequencyLayers eight = FrequencySeparation.split(flat, BitDepth.EIGHT, 3);
    assertThat(eight.high().bands[0].get(15, 10)).isEqualTo(128 * 257);
    assertThat(eight.low().bands[0].get(15, 10)).isEqualTo(200 * 257);
  }

  /** Separates the jewelry's bounding box (a view into the scene) and checks the jewelry pixels. */
  @Test
  @Tag("slow")
  void dev_scene_jewelry_comes_back_within_one_step() {
    for (Path dir : TestImages.devScenes()) {
      GrayU16 mask = TestImages.readGray(dir.resolve("truth_mask.png"));
      int left = mask.width;
      int top = mask.height;
      int right = 0;
      int bottom = 0;
      for (int y = 0; y < mask.height; y++) {
        for (int x = 0; x < mask.width; x++) {
          if (mask.get(x, y) == 65535) {
            left = Math.min(left, x);
            top = Math.min(top, y);
            right = Math.max(right, x + 1);
            bottom = Math.max(bottom, y + 1);
          }
        }
      }
      GrayU16 jewelry = mask.subimage(left, top, right, bottom).copy();
      for (int i = 0; i < jewelry.data.length; i++) {
        jewelry.data[i] = (short) (jewelry.data[i] == (short) 65535 ? 1 : 0);
      }
      Planar eight = TestImages.readRgb(dir.resolve("input.png")).subimage(left, top, right, bottom);
      Planar sixteen = TestImages.readRgb(dir.resolve("truth_clean.png")).subimage(left, top, right, bottom);
      int e8 = roundTrip(eight, BitDepth.EIGHT, 4, jewelry);
      int e16 = roundTrip(sixteen, BitDepth.SIXTEEN, 4, jewelry);
      System.out.printf("%-32s radius 4: max error 8-bit %d level, 16-bit %d storage units (%.2f/32768)%n",
          dir.getFileName(), e8 / 257, e16, e16 * 32768 / 65535.0);
      assertThat(e8).isLessThanOrEqualTo(257);
      assertThat(e16).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void runs_the_same_on_subimage_views() {
    Planar image = random(40, 30, BitDepth.SIXTEEN, 3);
    Planar big = Planar.create(3, 70, 50);
    Planar view = big.subimage(9, 11, 49, 41);
    view.setTo(image);
    FrequencyLayers a = FrequencySeparation.split(image, BitDepth.SIXTEEN, 2.5);
    FrequencyLayers b = FrequencySeparation.split(view, BitDepth.SIXTEEN, 2.5);
    assertThat(b.low().sameSamples(a.low())).isTrue();
    assertThat(b.high().sameSamples(a.high())).isTrue();
    Planar out = Planar.create(3, 70, 50).subimage(5, 5, 45, 35);
    FrequencySeparation.recombine(b.low(), b.high(), BitDepth.SIXTEEN, out);
    assertThat(out.sameSamples(FrequencySeparation.recombine(a.low(), a.high(), BitDepth.SIXTEEN))).isTrue();
  }

  @Test
  void rejects_a_negative_radius() {
    assertThatThrownBy(() -> FrequencySeparation.split(random(4, 4, BitDepth.EIGHT, 4), BitDepth.EIGHT, -1))
        .hasMessageContaining("radius");
  }
}
