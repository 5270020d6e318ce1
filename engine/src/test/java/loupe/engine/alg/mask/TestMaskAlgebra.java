// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import loupe.engine.alg.mask.impl.MaskMath;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.Trials;
import org.junit.jupiter.api.Test;

class TestMaskAlgebra {
  @Test
  void mul_is_the_correctly_rounded_product_on_a_dense_grid() {
    // Every a against 600 b spread over the range (including 0, 1, 32767, 32768, 65534, 65535).
    int[] bs = new int[600];
    for (int i = 0; i < bs.length; i++) {
      bs[i] = (int) ((long) i * 65535 / (bs.length - 1));
    }
    bs[1] = 1;
    bs[2] = 32767;
    bs[3] = 32768;
    bs[4] = 65534;
    for (int a = 0; a <= 65535; a++) {
      for (int b : bs) {
        long exact = ((long) a * b + 32767) / 65535;
        if (MaskMath.mul(a, b) != exact) {
          assertThat(MaskMath.mul(a, b)).as("mul(%d, %d)", a, b).isEqualTo(exact);
        }
      }
    }
  }

  @Trials(count = 2000, seed = 20260611L, min = {0, 0}, max = {65535, 65535})
  void algebra_identities_hold_exactly(int a, int b) {
    assertThat(MaskMath.mul(a, 65535)).isEqualTo(a);
    assertThat(MaskMath.mul(a, 0)).isZero();
    assertThat(MaskMath.mul(a, b)).isEqualTo(MaskMath.mul(b, a));
    assertThat(MaskMath.invert(MaskMath.invert(a))).isEqualTo(a);
    assertThat(MaskMath.add(a, 0)).isEqualTo(a);
    assertThat(MaskMath.add(a, 65535)).isEqualTo(65535);
    assertThat(MaskMath.add(a, b)).isEqualTo(MaskMath.add(b, a)).isBetween(Math.max(a, b), 65535);
    assertThat(MaskMath.subtract(a, 0)).isEqualTo(a);
    assertThat(MaskMath.subtract(a, 65535)).isZero();
    assertThat(MaskMath.subtract(a, b)).isBetween(0, a);
    // De Morgan holds exactly: the union is the inverse of the product of the inverses.
    assertThat(MaskMath.add(a, b)).isEqualTo(MaskMath.invert(MaskMath.mul(MaskMath.invert(a), MaskMath.invert(b))));
    assertThat(MaskMath.mul(a, b)).isEqualTo(Math.round(a * (double) b / 65535));
  }

  @Test
  void image_ops_match_the_double_oracle_on_views_and_leave_the_frame_alone() {
    Random rng = new Random(3);
    GrayU16 a = MaskTesting.randomMask(rng, 37, 23);
    GrayU16 b = MaskTesting.randomImage(rng, 37, 23);
    GrayU16 va = MaskTesting.inFrame(a, 2, 3, 1, 4);
    GrayU16 vb = MaskTesting.inFrame(b, 5, 1, 2, 2);
    record Case(String name, GrayU16 engine, MaskOpsNaive.PixelOp oracle) {}
    GrayU16[] outs = new GrayU16[4];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = MaskTesting.framedOutput(37, 23);
    }
    Case[] cases = {
        new Case("intersect", MaskOps.intersect(va, vb, outs[0]), (x, y) -> x * y),
        new Case("subtract", MaskOps.subtract(va, vb, outs[1]), (x, y) -> x * (1 - y)),
        new Case("add", MaskOps.add(va, vb, outs[2]), (x, y) -> x + y - x * y),
        new Case("invert", MaskOps.invert(va, outs[3]), (x, y) -> 1 - x)};
    for (Case c : cases) {
      GrayU16 expected = MaskOpsNaive.pointwise(a, b, c.oracle());
      assertThat(QualityMetrics.maxDifference(c.engine(), expected)).as(c.name()).isZero();
      MaskTesting.assertFrameUntouched(c.engine());
    }
    assertThat(MaskOps.invert(MaskOps.invert(va, null), null).sameSamples(a)).isTrue();
    MaskTesting.assertFrameUntouched(va);
  }

  @Test
  void ops_work_in_place_and_reject_mismatched_sizes() {
    Random rng = new Random(4);
    GrayU16 a = MaskTesting.randomMask(rng, 20, 10);
    GrayU16 b = MaskTesting.randomMask(rng, 20, 10);
    GrayU16 expected = MaskOps.intersect(a, b, null);
    GrayU16 inPlace = a.copy();
    assertThat(MaskOps.intersect(inPlace, b, inPlace).sameSamples(expected)).isTrue();
    assertThatThrownBy(() -> MaskOps.add(a, new GrayU16(20, 11), null)).hasMessageContaining("size mismatch");
    assertThatThrownBy(() -> MaskOps.invert(a, new GrayU16(3, 3))).hasMessageContaining("expected 20×10");
  }

  @Test
  void supportIsTheExclusiveBoundingBoxOfTheNonZeroPixelsAlsoOnAView() {
    GrayU16 mask = new GrayU16(6, 5);
    mask.set(1, 1, 300);
    mask.set(4, 3, 65535);
    assertThat(MaskOps.support(mask)).isEqualTo(new Rect(1, 1, 5, 4));
    assertThat(MaskOps.support(mask.subimage(2, 2, 6, 5))).isEqualTo(new Rect(2, 1, 3, 2));
    assertThat(MaskOps.support(new GrayU16(3, 3)).isEmpty()).isTrue();
  }

  @Test
  void selectedPixelsCountsEveryNonZeroPixelAlsoOnAView() {
    GrayU16 mask = new GrayU16(6, 5);
    mask.set(1, 1, 1);
    mask.set(4, 3, 65535);
    mask.set(5, 4, 200);
    assertThat(MaskOps.selectedPixels(mask)).isEqualTo(3);
    assertThat(MaskOps.selectedPixels(mask.subimage(2, 2, 6, 5))).isEqualTo(2);
    assertThat(MaskOps.selectedPixels(new GrayU16(3, 3))).isZero();
  }
}
