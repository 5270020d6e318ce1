// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import loupe.engine.alg.mask.impl.GaussianKernel;
import loupe.engine.image.GrayU16;
import loupe.engine.quality.QualityMetrics;
import org.junit.jupiter.api.Test;

class TestMaskFeather {
  @Test
  void kernel_sums_to_one_exactly_and_follows_the_gaussian() {
    for (double sigma : new double[] {0.3, 0.8, 1.5, 4.2, 11}) {
      GaussianKernel k = GaussianKernel.of(sigma);
      assertThat(k.radius).isEqualTo((int) Math.ceil(4 * sigma));
      long sum = 0;
      double norm = 0;
      for (int i = -k.radius; i <= k.radius; i++) {
        sum += k.weight(i);
        norm += Math.exp(-0.5 * i * i / (sigma * sigma));
      }
      assertThat(sum).isEqualTo(GaussianKernel.ONE);
      for (int i = -k.radius; i <= k.radius; i++) {
        double g = Math.exp(-0.5 * i * i / (sigma * sigma)) / norm;
        assertThat(k.weight(i) / 65536.0).as("sigma %s offset %d", sigma, i).isCloseTo(g, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(k.weight(i)).isEqualTo(k.weight(-i));
      }
    }
    assertThat(GaussianKernel.of(0).radius).isZero();
    assertThatThrownBy(() -> GaussianKernel.of(-1)).hasMessageContaining("sigma");
    assertThatThrownBy(() -> GaussianKernel.of(150)).hasMessageContaining("0..100");
    assertThatThrownBy(() -> MaskConfig.DEFAULT.withFeather(150, BorderType.EXTEND)).hasMessageContaining("at most 100");
    assertThatThrownBy(() -> GaussianKernel.of(Double.NaN)).hasMessageContaining("sigma");
  }

  @Test
  void feather_matches_the_2d_oracle_within_one_on_views_for_both_borders() {
    Random rng = new Random(5);
    for (BorderType border : BorderType.values()) {
      for (double sigma : new double[] {0.7, 2.0, 3.5}) {
        GrayU16 mask = MaskTesting.randomMask(rng, 29, 21);
        GrayU16 view = MaskTesting.inFrame(mask, 4, 2, 3, 6);
        GrayU16 out = MaskTesting.framedOutput(29, 21);
        MaskOps.feather(view, sigma, border, out);
        // Two roundings (after each pass) against one: at most 1 apart.
        assertThat(QualityMetrics.maxDifference(out, MaskOpsNaive.feather(mask, sigma, border)))
            .as("%s sigma %s", border, sigma).isLessThanOrEqualTo(1);
        MaskTesting.assertFrameUntouched(out);
        MaskTesting.assertFrameUntouched(view);
      }
    }
  }

  @Test
  void constants_stay_exactly_constant_and_sigma_zero_is_the_identity() {
    for (BorderType border : BorderType.values()) {
      for (int v : new int[] {0, 1, 30000, 65534, 65535}) {
        GrayU16 c = GrayU16.filled(13, 9, v);
        assertThat(MaskOps.feather(c, 2.5, border, null).sameSamples(c)).isTrue();
      }
    }
    GrayU16 m = MaskTesting.randomMask(new Random(6), 17, 12);
    assertThat(MaskOps.feather(m, 0, BorderType.EXTEND, null).sameSamples(m)).isTrue();
    // In place.
    GrayU16 expected = MaskOps.feather(m, 1.2, BorderType.REFLECT, null);
    GrayU16 inPlace = m.copy();
    assertThat(MaskOps.feather(inPlace, 1.2, BorderType.REFLECT, inPlace).sameSamples(expected)).isTrue();
  }

  @Test
  void images_narrower_than_the_kernel_use_the_border_on_both_sides() {
    GrayU16 m = MaskTesting.randomMask(new Random(7), 3, 2);
    for (BorderType border : BorderType.values()) {
      assertThat(QualityMetrics.maxDifference(MaskOps.feather(m, 3, border, null), MaskOpsNaive.feather(m, 3, border)))
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void border_types_map_indices_as_documented() {
    int[] extend = new int[9];
    int[] reflect = new int[9];
    for (int i = -4; i <= 4; i++) {
      extend[i + 4] = BorderType.EXTEND.map(i, 3);
      reflect[i + 4] = BorderType.REFLECT.map(i, 3);
    }
    assertThat(extend).containsExactly(0, 0, 0, 0, 0, 1, 2, 2, 2);
    // dcb|abcd|cba with 3 samples a b c: ... c b | a b c | b a b ...
    assertThat(reflect).containsExactly(0, 1, 2, 1, 0, 1, 2, 1, 0);
    assertThat(BorderType.REFLECT.map(5, 1)).isZero();
  }
}
