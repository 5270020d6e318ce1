// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;
import loupe.engine.testing.Trials;
import org.junit.jupiter.api.Test;

class TestMaskRefine {
  /** A smooth guide with an edge and noise, like a photo of metal on a sweep. */
  static GrayU16 guide(Random rng, int w, int h) {
    GrayU16 g = new GrayU16(w, h);
    double angle = rng.nextDouble() * Math.PI;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double side = Math.cos(angle) * (x - w / 2.0) + Math.sin(angle) * (y - h / 2.0);
        double v = (side > 0 ? 0.8 : 0.3) + 0.05 * rng.nextGaussian();
        g.set(x, y, (int) Math.round(Math.min(1, Math.max(0, v)) * 65535));
      }
    }
    return g;
  }

  static GrayU16 oracle(GrayU16 mask, GrayU16 guide, int r, double eps) {
    double[][] q = MaskOpsNaive.guidedFilter(mask, guide, r, eps);
    GrayU16 out = new GrayU16(mask.width, mask.height);
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        int v = (int) Math.round(Math.min(1, Math.max(0, q[y][x])) * 65535);
        out.set(x, y, mask.get(x, y) == 65535 ? 65535 : v);
      }
    }
    return out;
  }

  @Test
  void guided_filter_matches_the_window_sum_oracle_on_views() {
    Random rng = new Random(12);
    for (int r : new int[] {1, 2, 4}) {
      for (double eps : new double[] {1e-2, 1e-4}) {
        GrayU16 mask = MaskTesting.randomMask(rng, 27, 19);
        GrayU16 guide = guide(rng, 27, 19);
        GrayU16 out = MaskTesting.framedOutput(27, 19);
        MaskOps.refineEdges(MaskTesting.inFrame(mask, 1, 2, 3, 1), MaskTesting.inFrame(guide, 2, 2, 2, 2), r, eps, out);
        // Float planes against double sums: at most one level apart.
        assertThat(QualityMetrics.maxDifference(out, oracle(mask, guide, r, eps))).as("r=%d eps=%s", r, eps)
            .isLessThanOrEqualTo(1);
        MaskTesting.assertFrameUntouched(out);
      }
    }
  }

  @Test
  void cropping_to_the_support_changes_nothing_and_far_pixels_stay_exactly_zero() {
    Random rng = new Random(13);
    GrayU16 mask = new GrayU16(64, 48);
    mask.subimage(50, 35, 58, 41).setTo(MaskTesting.randomMask(rng, 8, 6));
    GrayU16 guide = guide(rng, 64, 48);
    GrayU16 out = MaskOps.refineEdges(mask, guide, 3, 1e-3, null);
    assertThat(QualityMetrics.maxDifference(out, oracle(mask, guide, 3, 1e-3))).isLessThanOrEqualTo(1);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        if (x < 50 - 6 || y < 35 - 6) {
          assertThat(out.get(x, y)).isZero();
        }
      }
    }
  }

  @Trials(count = 60, seed = 20260612L, min = {1, 1}, max = {5, 6})
  void edge_refine_never_lowers_the_protected_core(int radius, int epsExponent, long seed) {
    Random rng = new Random(seed);
    int w = 8 + rng.nextInt(30);
    int h = 8 + rng.nextInt(30);
    GrayU16 mask = MaskTesting.randomMask(rng, w, h);
    GrayU16 guide = rng.nextBoolean() ? guide(rng, w, h) : MaskTesting.randomImage(rng, w, h);
    GrayU16 out = MaskOps.refineEdges(mask, guide, radius, Math.pow(10, -epsExponent), null);
    assertCoreKept(mask, out);
  }

  @Trials(count = 40, seed = 20260613L, min = {0, 0}, max = {4, 3})
  void the_refine_pipeline_keeps_the_core_of_its_expanded_mask(int expand, int sigma, long seed) {
    Random rng = new Random(seed);
    int w = 8 + rng.nextInt(30);
    int h = 8 + rng.nextInt(30);
    GrayU16 mask = MaskTesting.randomMask(rng, w, h);
    GrayU16 guide = guide(rng, w, h);
    MaskConfig config = MaskConfig.DEFAULT.withEdgeRefine(2, 1e-4).withExpand(expand).withFeather(sigma, BorderType.EXTEND);
    GrayU16 out = MaskOps.refine(mask, guide, config, null);
    assertCoreKept(mask, out);
    // Radius 0 switches the step off (expand(P, 0) alone would binarise the support).
    GrayU16 refined = MaskOps.refineEdges(mask, guide, 2, 1e-4, null);
    assertCoreKept(expand > 0 ? MaskOps.expand(refined, expand, null) : refined, out);
  }

  static void assertCoreKept(GrayU16 before, GrayU16 after) {
    for (int y = 0; y < before.height; y++) {
      for (int x = 0; x < before.width; x++) {
        if (before.get(x, y) == 65535) {
          assertThat(after.get(x, y)).as("core pixel (%d,%d)", x, y).isEqualTo(65535);
        }
      }
    }
  }

  @Test
  void the_pipeline_is_edge_refine_then_expand_or_contract_then_feather() {
    Random rng = new Random(14);
    GrayU16 mask = MaskTesting.randomMask(rng, 30, 22);
    GrayU16 guide = guide(rng, 30, 22);
    MaskConfig config = MaskConfig.DEFAULT.withEdgeRefine(2, 1e-3).withExpand(-1.5).withFeather(1.2, BorderType.REFLECT);
    GrayU16 refined = MaskOps.refineEdges(mask, guide, 2, 1e-3, null);
    GrayU16 contracted = MaskOps.contract(refined, 1.5, null);
    GrayU16 expected = MaskOps.feather(contracted, 1.2, BorderType.REFLECT, null);
    for (int i = 0; i < expected.data.length; i++) {
      if (contracted.data[i] == (short) 65535) {
        expected.data[i] = (short) 65535;
      }
    }
    assertThat(MaskOps.refine(mask, guide, config, null).sameSamples(expected)).isTrue();
    // Everything off copies the mask.
    assertThat(MaskOps.refine(mask, null, MaskConfig.DEFAULT, null).sameSamples(mask)).isTrue();
    assertThatThrownBy(() -> MaskOps.refine(mask, null, config, null)).hasMessageContaining("needs a guide");
    assertThatThrownBy(() -> MaskConfig.DEFAULT.withFeather(-1, BorderType.EXTEND)).hasMessageContaining("feather sigma");
    assertThatThrownBy(() -> MaskConfig.DEFAULT.withEdgeRefine(2, 0)).hasMessageContaining("epsilon");
  }

  /**
   * dev02's chain has 2-px links. A segmentation-like soft mask (the truth blurred, σ = 2) is
   * refined with the luminance as guide: thin-link core pixels stay above 50 %, and the result is
   * closer to the truth than a Gaussian blur with a similar window (the non-edge-aware baseline).
   */
  @Test
  void on_a_real_chain_the_refine_keeps_thin_links_and_beats_a_blur() {
    Path scene = TestImages.devScene("chain");
    Planar rgb = TestImages.readRgb(scene.resolve("input.png"));
    GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png"));
    GrayU16 luma = new GrayU16(truth.width, truth.height);
    for (int i = 0; i < luma.data.length; i++) {
      luma.data[i] = (short) Math.round(0.2126 * (rgb.bands[0].data[i] & 0xFFFF)
          + 0.7152 * (rgb.bands[1].data[i] & 0xFFFF) + 0.0722 * (rgb.bands[2].data[i] & 0xFFFF));
    }
    GrayU16 soft = MaskOps.feather(truth, 2, BorderType.EXTEND, null);
    GrayU16 refined = MaskOps.refineEdges(soft, luma, 2, 1e-4, null);
    GrayU16 blurred = MaskOps.feather(soft, 2, BorderType.EXTEND, null);
    assertCoreKept(soft, refined);
    GrayU16 ring = MaskOps.expand(truth, 6, null);
    GrayU16 thick = MaskOps.contract(truth, 2, null);
    double[] softStats = chainStats(soft, truth, ring, thick);
    double[] refinedStats = chainStats(refined, truth, ring, thick);
    double[] blurStats = chainStats(blurred, truth, ring, thick);
    System.out.printf("dev02 chain ring MAE: soft %.4f, guided r=2 %.4f, blur σ=2 %.4f; thin-link core ≥50%%: "
        + "soft %.4f, guided %.4f, blur %.4f (%d thin pixels)%n", softStats[0], refinedStats[0], blurStats[0],
        softStats[1], refinedStats[1], blurStats[1], (int) softStats[2]);
    assertThat(refinedStats[1]).isGreaterThan(0.99);
    assertThat(refinedStats[0]).isLessThan(blurStats[0]);
  }

  /** {mean |mask − truth| over the ring in the chain rows, fraction of thin-core pixels ≥ 50 %, count}. */
  private static double[] chainStats(GrayU16 m, GrayU16 truth, GrayU16 ring, GrayU16 thick) {
    double err = 0;
    long n = 0;
    long thin = 0;
    long kept = 0;
    for (int y = 300; y < 700; y++) {
      for (int x = 0; x < truth.width; x++) {
        if ((x >= 680 && x <= 920) || ring.get(x, y) == 0) {
          continue; // the pendant, and pixels far from the chain
        }
        err += Math.abs(m.get(x, y) - truth.get(x, y)) / 65535.0;
        n++;
        if (truth.get(x, y) == 65535 && thick.get(x, y) == 0) {
          thin++;
          kept += m.get(x, y) >= 32768 ? 1 : 0;
        }
      }
    }
    return new double[] {err / n, (double) kept / thin, thin};
  }
}
