// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/** The guard must pass exact results and stop every kind of change to protected pixels. */
class FidelityGuardTest {
  static final int W = 64;
  static final int H = 48;
  final Random random = new Random(7);

  Planar noise() {
    Planar p = Planar.create(3, W, H);
    for (GrayU16 b : p.bands) {
      for (int i = 0; i < b.data.length; i++) {
        b.data[i] = (short) random.nextInt(65536);
      }
    }
    return p;
  }

  /** A disk of full product with a soft rim. */
  static GrayU16 disk() {
    GrayU16 m = new GrayU16(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double d = Math.hypot(x - 30, y - 22);
        m.set(x, y, d < 12 ? 65535 : d < 14 ? (int) ((14 - d) / 2 * 65535) : 0);
      }
    }
    return m;
  }

  RetouchInput flat(GrayU16 product, GrayU16 heal) {
    return new RetouchInput(noise(), BitDepth.SIXTEEN, product, null, heal, null);
  }

  OutputLayer above(Planar pixels, GrayU16 mask, boolean visible) {
    return new OutputLayer("test", pixels, null, mask, Rect.ofSize(W, H), BlendMode.NORMAL, 255, visible,
        Placement.ABOVE, "g");
  }

  @Test
  void a_layer_masked_by_the_background_weight_passes_with_an_exact_report() {
    GrayU16 p = disk();
    RetouchInput in = flat(p, null);
    GrayU16 weight = new GrayU16(W, H);
    for (int i = 0; i < weight.data.length; i++) {
      weight.data[i] = (short) (65535 - (p.data[i] & 0xFFFF));
    }
    FidelityReport report = FidelityGuard.check(in, List.of(above(noise(), weight, true)));
    long full = 0;
    for (short v : p.data) {
      full += (v & 0xFFFF) == 65535 ? 1 : 0;
    }
    assertThat(report.protectedPixels()).isEqualTo(full).isPositive();
    assertThat(report.changedPixels()).isZero();
    assertThat(report.bitExact()).isTrue();
    assertThat(report.inputSha256()).isEqualTo(report.outputSha256()).hasSize(64);
  }

  @Test
  void an_unmasked_layer_above_the_jewelry_is_refused() {
    RetouchInput in = flat(disk(), null);
    assertThatThrownBy(() -> FidelityGuard.check(in, List.of(above(noise(), null, true))))
        .isInstanceOf(FidelityViolationException.class).hasMessageContaining("covers");
  }

  @Test
  void a_hidden_layer_above_is_allowed_because_it_changes_nothing_visible() {
    RetouchInput in = flat(disk(), null);
    assertThat(FidelityGuard.check(in, List.of(above(noise(), null, false))).bitExact()).isTrue();
  }

  @Test
  void a_layer_below_a_partly_transparent_jewelry_layer_is_caught_where_it_shows_through() {
    GrayU16 p = GrayU16.filled(W, H, 65535);
    Planar jewel = noise();
    GrayU16 alpha = GrayU16.filled(W, H, 65535);
    alpha.set(5, 5, 60000); // one pixel the product mask wrongly calls fully jewelry
    ProtectedLayer layer = new ProtectedLayer(jewel, alpha, null, Rect.ofSize(W, H), 255);
    RetouchInput in = new RetouchInput(noise(), BitDepth.SIXTEEN, p, layer, null, null);
    OutputLayer below = new OutputLayer("bg", noise(), null, null, Rect.ofSize(W, H), BlendMode.NORMAL, 255, true,
        Placement.BELOW, "g");
    assertThatThrownBy(() -> FidelityGuard.check(in, List.of(below)))
        .isInstanceOf(FidelityViolationException.class).hasMessageContaining("1 of");
  }

  @Test
  void painted_heal_pixels_are_the_only_authorised_change_and_are_counted() {
    GrayU16 p = disk();
    GrayU16 heal = new GrayU16(W, H);
    heal.subimage(28, 20, 32, 24).fill(65535);
    RetouchInput in = flat(p, heal);
    GrayU16 healLayerMask = heal.copy();
    FidelityReport report = FidelityGuard.check(in, List.of(above(noise(), healLayerMask, true)));
    assertThat(report.healedPixels()).isEqualTo(16);
    assertThat(report.changedPixels()).isZero();
    GrayU16 spill = heal.copy();
    spill.set(27, 22, 65535);
    assertThatThrownBy(() -> FidelityGuard.check(in, List.of(above(noise(), spill, true))))
        .isInstanceOf(FidelityViolationException.class);
  }

  /**
   * Over a jewelry layer, a layer above may cover only the jewelry: one that also covers a ring of
   * background (product 0, jewelry transparent) is refused, though no protected pixel changes (the
   * covered jewelry pixels are painted for healing).
   */
  @Test
  void a_layer_above_the_jewelry_layer_that_covers_background_is_refused() {
    GrayU16 p = disk();
    ProtectedLayer layer = new ProtectedLayer(noise(), p, null, Rect.ofSize(W, H), 255);
    GrayU16 onJewel = new GrayU16(W, H);
    onJewel.subimage(28, 20, 32, 24).fill(65535);
    RetouchInput in = new RetouchInput(noise(), BitDepth.SIXTEEN, p, layer, onJewel, null);
    GrayU16 wider = onJewel.copy();
    wider.subimage(2, 2, 4, 4).fill(65535); // background, far from the disk
    Planar hidden = in.jewelry().pixels();

    assertThat(FidelityGuard.check(in, List.of(above(hidden, onJewel, true))).bitExact()).isTrue();
    assertThatThrownBy(() -> FidelityGuard.check(in, List.of(above(hidden, wider, true))))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("covers 4 pixels where the jewelry layer is transparent");
    assertThatThrownBy(() -> FidelityGuard.check(in, List.of(above(hidden, wider, false))))
        .as("hidden, it still shows once switched on").isInstanceOf(FidelityViolationException.class);
  }
}
