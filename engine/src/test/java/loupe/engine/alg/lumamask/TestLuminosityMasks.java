// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

class TestLuminosityMasks {
  private static final int SENTINEL = 4321;

  /** Random RGB with some gray, black, white and saturated pixels mixed in. */
  static Planar randomRgb(Random rng, int w, int h) {
    Planar p = Planar.create(3, w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int kind = rng.nextInt(6);
        int v = rng.nextInt(65536);
        for (int c = 0; c < 3; c++) {
          int value = switch (kind) {
            case 0 -> v; // neutral
            case 1 -> c == 2 ? rng.nextInt(20000) : 40000 + rng.nextInt(25536); // gold-like
            case 2 -> rng.nextBoolean() ? 0 : 65535;
            default -> rng.nextInt(65536);
          };
          p.bands[c].set(x, y, value);
        }
      }
    }
    return p;
  }

  /** The image as views into larger planes whose frame holds a sentinel. */
  static Planar framed(Planar image) {
    GrayU16[] bands = new GrayU16[image.numBands()];
    for (int c = 0; c < bands.length; c++) {
      GrayU16 big = GrayU16.filled(image.width + 5, image.height + 4, SENTINEL);
      bands[c] = big.subimage(2 + c, 1, 2 + c + image.width, 1 + image.height);
      bands[c].setTo(image.bands[c]);
    }
    return new Planar(bands);
  }

  static GrayU16 framedOutput(int w, int h) {
    return GrayU16.filled(w + 3, h + 6, SENTINEL).subimage(1, 4, 1 + w, 4 + h);
  }

  static void assertFrameUntouched(GrayU16 view) {
    int x0 = view.startIndex % view.stride;
    int y0 = view.startIndex / view.stride;
    for (int i = 0; i < view.data.length; i++) {
      int x = i % view.stride - x0;
      int y = i / view.stride - y0;
      if (x < 0 || y < 0 || x >= view.width || y >= view.height) {
        assertThat(view.data[i] & 0xFFFF).as("frame sample %d", i).isEqualTo(SENTINEL);
      }
    }
  }

  static List<MaskSpec> everyKind() {
    return MaskSpec.parseList("lights1,lights2,lights3,lights4,lights5,lights6,darks1,darks3,darks6,midtones1,"
        + "midtones2,midtones5,zone:lights2-lights4,zone:darks3-darks5,zone:midtones4-midtones2,red-lights3,"
        + "green-darks2,blue-midtones3,neutral-lights4,zone:red-lights1-red-lights3,saturation,diamond-highlights,"
        + "metal-shadows");
  }

  @Test
  void luminance_is_within_one_of_the_real_weights_and_exact_on_grays() {
    Random rng = new Random(21);
    Planar rgb = randomRgb(rng, 40, 30);
    for (LumaWeights weights : LumaWeights.values()) {
      assertThat(weights.redFixed + weights.greenFixed + weights.blueFixed).isEqualTo(65536);
      GrayU16 out = framedOutput(40, 30);
      LuminosityMasks.luminance(framed(rgb), weights, out);
      for (int y = 0; y < 30; y++) {
        for (int x = 0; x < 40; x++) {
          assertThat(out.get(x, y)).isCloseTo(LuminosityMasksNaive.luminance(rgb, weights, x, y),
              org.assertj.core.data.Offset.offset(1));
        }
      }
      assertFrameUntouched(out);
      for (int v = 0; v <= 65535; v++) {
        assertThat(weights.luminance(v, v, v)).isEqualTo(v);
      }
      assertThat(weights.luminance(65535, 65535, 65535)).isEqualTo(65535);
    }
  }

  @Test
  void every_kind_of_mask_matches_the_double_oracle_on_views() {
    Random rng = new Random(22);
    Planar rgb = randomRgb(rng, 37, 26);
    GrayU16 product = GrayU16.filled(37, 26, 0);
    for (int i = 0; i < product.data.length; i++) {
      product.data[i] = (short) (rng.nextInt(3) == 0 ? 65535 : rng.nextInt(65536));
    }
    for (LumaMaskConfig config : List.of(LumaMaskConfig.DEFAULT,
        LumaMaskConfig.DEFAULT.withWeights(LumaWeights.REC601).withPresetOrders(6, 2))) {
      GrayU16 luma = LuminosityMasks.luminance(rgb, config.weights(), null);
      Planar view = framed(rgb);
      for (MaskSpec spec : everyKind()) {
        GrayU16 out = framedOutput(37, 26);
        LuminosityMasks.compute(view, product, spec, config, out);
        GrayU16 expected = LuminosityMasksNaive.mask(spec, rgb, luma, product, config);
        // Given the same 16-bit L, tone tables are rounded once (±1 for pow vs repeated products at a
        // .5 boundary); presets round the table and then the product: also within 1. (L's own rounding
        // adds up to 2 more against the real-valued formula: the class comment.)
        assertThat(QualityMetrics.maxDifference(out, expected)).as("%s with %s", spec.name(), config)
            .isLessThanOrEqualTo(1);
        assertFrameUntouched(out);
      }
      for (GrayU16 band : view.bands) {
        assertFrameUntouched(band);
      }
    }
  }

  @Test
  void a_set_in_one_pass_equals_the_masks_one_by_one_and_computes_duplicates_once() {
    Random rng = new Random(23);
    Planar rgb = framed(randomRgb(rng, 31, 17));
    GrayU16 product = GrayU16.filled(31, 17, 50000);
    List<MaskSpec> specs = new ArrayList<>(everyKind());
    specs.add(MaskSpec.parse("lights3"));
    Map<MaskSpec, GrayU16> set = LuminosityMasks.computeSet(rgb, product, specs, LumaMaskConfig.DEFAULT);
    assertThat(set).hasSize(everyKind().size());
    assertThat(set.keySet()).containsExactlyElementsOf(everyKind());
    for (MaskSpec spec : everyKind()) {
      GrayU16 single = LuminosityMasks.compute(rgb, product, spec, LumaMaskConfig.DEFAULT, null);
      assertThat(set.get(spec).sameSamples(single)).as(spec.name()).isTrue();
    }
  }

  @Test
  void lights_one_is_l_and_the_exact_identities_hold() {
    Random rng = new Random(24);
    Planar rgb = randomRgb(rng, 29, 19);
    Map<MaskSpec, GrayU16> m = LuminosityMasks.computeSet(rgb, null,
        MaskSpec.parseList("lights1,lights2,lights4,darks1,red-lights1,zone:lights2-lights4,saturation"),
        LumaMaskConfig.DEFAULT);
    GrayU16 luma = LuminosityMasks.luminance(rgb, LumaWeights.REC709, null);
    assertThat(m.get(MaskSpec.parse("lights1")).sameSamples(luma)).isTrue();
    assertThat(m.get(MaskSpec.parse("red-lights1")).sameSamples(rgb.bands[0])).isTrue();
    assertThat(m.get(MaskSpec.parse("darks1")).sameSamples(MaskOps.invert(luma, null))).isTrue();
    // Lights 2 is Lights 1 intersected with itself, and a zone is a subtraction, up to the one
    // extra rounding of composing masks instead of rounding the exact curve once.
    assertThat(QualityMetrics.maxDifference(m.get(MaskSpec.parse("lights2")), MaskOps.intersect(luma, luma, null)))
        .isLessThanOrEqualTo(1);
    GrayU16 zone = MaskOps.subtract(m.get(MaskSpec.parse("lights2")), m.get(MaskSpec.parse("lights4")), null);
    assertThat(QualityMetrics.maxDifference(m.get(MaskSpec.parse("zone:lights2-lights4")), zone))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void gray_documents_use_the_gray_band() {
    Random rng = new Random(25);
    GrayU16 gray = MaskOps.invert(randomRgb(rng, 23, 14).bands[1], null);
    Planar doc = new Planar(gray);
    GrayU16 product = GrayU16.filled(23, 14, 65535);
    Map<MaskSpec, GrayU16> m = LuminosityMasks.computeSet(doc, product,
        MaskSpec.parseList("lights1,lights3,neutral-lights3,saturation,diamond-highlights"), LumaMaskConfig.DEFAULT);
    assertThat(m.get(MaskSpec.parse("lights1")).sameSamples(gray)).isTrue();
    assertThat(m.get(MaskSpec.parse("neutral-lights3")).sameSamples(m.get(MaskSpec.parse("lights3")))).isTrue();
    assertThat(m.get(MaskSpec.parse("saturation")).sameSamples(new GrayU16(23, 14))).isTrue();
    GrayU16 luma = LuminosityMasks.luminance(doc, LumaWeights.REC709, null);
    for (MaskSpec spec : MaskSpec.parseList("lights3,darks2,midtones4,diamond-highlights,metal-shadows")) {
      assertThat(QualityMetrics.maxDifference(LuminosityMasks.compute(doc, product, spec, LumaMaskConfig.DEFAULT, null),
          LuminosityMasksNaive.mask(spec, doc, luma, product, LumaMaskConfig.DEFAULT))).isLessThanOrEqualTo(1);
    }
    assertThatThrownBy(() -> LuminosityMasks.compute(doc, null, MaskSpec.parse("red-lights3"), LumaMaskConfig.DEFAULT,
        null)).hasMessageContaining("red-lights3 needs an RGB document");
  }

  @Test
  void bad_inputs_are_rejected() {
    Planar rgb = Planar.create(3, 8, 8);
    assertThatThrownBy(() -> LuminosityMasks.compute(rgb, null, MaskSpec.parse("diamond-highlights"),
        LumaMaskConfig.DEFAULT, null)).hasMessageContaining("diamond-highlights").hasMessageContaining("product mask");
    assertThatThrownBy(() -> LuminosityMasks.compute(Planar.create(4, 8, 8), null, MaskSpec.parse("lights1"),
        LumaMaskConfig.DEFAULT, null)).hasMessageContaining("4 bands");
    assertThatThrownBy(() -> LuminosityMasks.compute(rgb, new GrayU16(8, 9), MaskSpec.parse("lights1"),
        LumaMaskConfig.DEFAULT, null)).hasMessageContaining("size mismatch");
  }

  /**
   * dev01: a yellow-gold solitaire with a diamond. Diamond highlights (neutral lights, order 4)
   * should select the head with the stone, and not the gold band, whose highlights a plain
   * Lights 4 does select.
   */
  @Test
  void diamond_highlights_select_the_stone_not_the_yellow_gold_band() {
    Path scene = TestImages.devScene("yellowgold");
    Planar rgb = TestImages.readRgb(scene.resolve("input.png"));
    GrayU16 product = TestImages.readGray(scene.resolve("truth_mask.png"));
    Map<MaskSpec, GrayU16> m = LuminosityMasks.computeSet(rgb, product,
        MaskSpec.parseList("diamond-highlights,lights4,metal-shadows"), LumaMaskConfig.DEFAULT);
    // The head (stone and prongs) sits in x 680..920, y < 300; the band is everything below y 330.
    long[][] selected = new long[3][2];
    double[][] mass = new double[3][2];
    long[] pixels = new long[2];
    List<GrayU16> masks = List.copyOf(m.values());
    for (int y = 0; y < product.height; y++) {
      for (int x = 0; x < product.width; x++) {
        for (int k = 0; k < 3; k++) {
          if (k != 1 && product.get(x, y) == 0) {
            assertThat(masks.get(k).get(x, y)).isZero(); // presets stay inside the product
          }
        }
        int region = y < 300 && x > 680 && x < 920 ? 0 : y >= 330 ? 1 : -1;
        if (product.get(x, y) != 65535 || region < 0) {
          continue;
        }
        pixels[region]++;
        for (int k = 0; k < 3; k++) {
          int v = masks.get(k).get(x, y);
          selected[k][region] += v >= 32768 ? 1 : 0;
          mass[k][region] += v / 65535.0;
        }
      }
    }
    String[] names = {"diamond-highlights", "lights4", "metal-shadows"};
    for (int k = 0; k < 3; k++) {
      System.out.printf("dev01 %-18s ≥50%%: head %5d band %5d | mean: head %.3f band %.3f (%d / %d px)%n", names[k],
          selected[k][0], selected[k][1], mass[k][0] / pixels[0], mass[k][1] / pixels[1], pixels[0], pixels[1]);
    }
    assertThat(selected[0][0]).isGreaterThan(2000);
    assertThat(selected[0][1]).isLessThanOrEqualTo(selected[0][0] / 100);
    assertThat(mass[0][0] / pixels[0]).isGreaterThan(2 * mass[0][1] / pixels[1]);
    // The plain luminance mask does pick up the gold's highlights.
    assertThat(selected[1][1]).isGreaterThan(100);
  }
}
