// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import loupe.engine.UnsuitableInputException;
import loupe.engine.testing.LayerComposite;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.alg.inpaint.Synth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.Trials;
import org.junit.jupiter.api.Test;

class CleanBackgroundOpsTest {
  private static final SweepConfig CFG = SweepConfig.DEFAULT;

  @Trials(count = 12, seed = 2718L, min = {48, 40, 0}, max = {120, 100, 1})
  void composite_keeps_every_jewelry_pixel_and_never_reads_one(int w, int h, int white, long seed) {
    SyntheticStudio studio = SyntheticStudio.build(w, h, 0.1, 300, seed);
    SweepConfig cfg = CFG.withFill(white == 1 ? BackgroundFill.WHITE : BackgroundFill.SWEEP);
    CleanBackground layers = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(), cfg);
    Planar composite = LayerComposite.of(studio.shot(), studio.product(), layers);
    Planar scrambled = studio.shot().copy();
    Random rnd = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean jewelry = studio.product().get(x, y) == 65535;
        for (int c = 0; c < 3; c++) {
          if (jewelry) {
            assertThat(composite.bands[c].get(x, y)).isEqualTo(studio.shot().bands[c].get(x, y));
          }
          if (studio.product().get(x, y) > 0) {
            scrambled.bands[c].set(x, y, rnd.nextInt(65536));
          }
        }
      }
    }
    CleanBackground again = CleanBackgroundOps.sweep(scrambled, studio.product(), studio.exclude(), cfg);
    assertThat(again.background().sameSamples(layers.background())).isTrue();
    assertThat(again.shadowLayer().sameSamples(layers.shadowLayer())).isTrue();
    assertThat(again.shadowMask().sameSamples(layers.shadowMask())).isTrue();
  }

  @Test
  void sweep_removes_vignette_noise_and_the_prop_but_keeps_the_contact_shadow() {
    SyntheticStudio studio = SyntheticStudio.build(240, 180, 0.12, 400, 1);
    // Reach 0.2 of the diagonal puts the prop's shadow within reach of the product.
    SweepConfig cfg = new SweepConfig(BackgroundFill.SWEEP, true, 8, 3, 0.5, 0.2, 0.015, 2, 0.008);
    CleanBackground layers = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(), cfg);
    assertThat(layers.model().vignetteStrength()).isCloseTo(0.12, within(0.01));
    Planar composite = LayerComposite.of(studio.shot(), studio.product(), layers);
    double worst = 0;
    double sum = 0;
    int n = 0;
    for (int y = 0; y < 180; y++) {
      for (int x = 0; x < 240; x++) {
        if (studio.product().get(x, y) > 0) {
          continue;
        }
        for (int c = 0; c < 3; c++) {
          double e = Math.abs(composite.bands[c].get(x, y) - studio.clean().bands[c].get(x, y)) / 257.0;
          worst = Math.max(worst, e);
          sum += e;
          n++;
        }
      }
    }
    // Noise alone is 400/257 ≈ 1.6 levels; the composite is far closer to the clean truth.
    assertThat(sum / n).isLessThan(0.6);
    assertThat(worst).isLessThan(6);
    // The contact shadow right under the disc is kept (truth darkens it by 35% in linear light).
    int sx = (int) (240 * 0.55);
    int sy = (int) (180 * 0.45 + 180 * 0.15) + 3;
    double kept = Srgb.decode(composite.bands[1].get(sx, sy)) / SyntheticStudio.trueSweep(1, sx, sy, 240, 180);
    assertThat(kept).isCloseTo(studio.contactShadow()[sy * 240 + sx], within(0.03));
    assertThat(layers.shadowMask().get(sx, sy)).isEqualTo(65535);
    assertPropShadowDropped(studio, composite);
  }

  @Test
  void a_prop_seen_through_a_link_of_the_piece_is_not_taken_for_shadow() {
    // A chain link (ring of product) on the prop's edge: its hole shows the dark block, and the
    // prop mask leaves the hole out (too small to be a prop of its own).
    SyntheticStudio studio = SyntheticStudio.build(800, 600, 0.12, 400, 4);
    int cx = (int) (800 * 0.55 - 2.3 * 600 * 0.15);
    int cy = (int) (600 * 0.45);
    Random rnd = new Random(4);
    int hole = 0;
    for (int y = cy - 12; y <= cy + 12; y++) {
      for (int x = cx - 12; x <= cx + 12; x++) {
        double r = Math.hypot(x - cx, y - cy);
        if (r < 5) {
          studio.exclude().set(x, y, 0);
        }
        if (r >= 5 && r < 10) {
          studio.product().set(x, y, 65535);
          for (int c = 0; c < 3; c++) {
            studio.shot().bands[c].set(x, y, rnd.nextInt(65536));
          }
        }
        hole += r < 5 && studio.shot().bands[1].get(x, y) < 48000 ? 1 : 0;
      }
    }
    assertThat(hole).as("dark prop pixels seen through the hole").isGreaterThan(20);
    // A long fade and reach: a shadow measured in the hole would spread into the block.
    SweepConfig cfg = new SweepConfig(BackgroundFill.SWEEP, true, 8, 3, 0.5, 0.2, 0.015, 2, 0.1);
    CleanBackground layers = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(), cfg);
    assertPropShadowDropped(studio, LayerComposite.of(studio.shot(), studio.product(), layers));
  }

  /** Inside the excluded prop shadow the composite is never darker than the truth by a visible step. */
  private static void assertPropShadowDropped(SyntheticStudio studio, Planar composite) {
    int inside = 0;
    for (int y = 0; y < composite.height; y++) {
      for (int x = 0; x < composite.width; x++) {
        if (studio.exclude().get(x, y) == 0 || studio.product().get(x, y) > 0) {
          continue;
        }
        inside++;
        for (int c = 0; c < 3; c++) {
          assertThat(composite.bands[c].get(x, y) - studio.clean().bands[c].get(x, y)).as("(%d,%d)", x, y)
              .isGreaterThan(-6 * 257);
        }
      }
    }
    assertThat(inside).isGreaterThan(500);
  }

  @Test
  void white_keeps_only_the_contact_shadow_on_pure_white() {
    SyntheticStudio studio = SyntheticStudio.build(200, 150, 0.1, 300, 2);
    CleanBackground layers = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(),
        CFG.withFill(BackgroundFill.WHITE));
    for (GrayU16 band : layers.background().bands) {
      assertThat(band.sameSamples(GrayU16.filled(200, 150, 65535))).isTrue();
    }
    Planar composite = LayerComposite.of(studio.shot(), studio.product(), layers);
    // Far corner: white. Under the disc: the contact shadow.
    assertThat(composite.bands[0].get(2, 2)).isEqualTo(65535);
    int sx = (int) (200 * 0.55);
    int sy = (int) (150 * 0.6) + 3;
    double kept = Srgb.decode(composite.bands[1].get(sx, sy));
    assertThat(kept).isCloseTo(studio.contactShadow()[sy * 200 + sx], within(0.03));
  }

  /**
   * A piece knocked out on #000000: the sweep fits to black, where no shadow can be measured (every
   * pixel is "darker than expected" by the fitter's floor); a full shadow was painted around the
   * piece on the new white.
   */
  @Test
  void a_black_sweep_has_no_contact_shadow_to_keep() {
    int w = 120;
    int h = 100;
    GrayU16 product = Synth.disc(new GrayU16(w, h), 60, 50, 20, 65535);
    GrayU16 piece = Synth.disc(new GrayU16(w, h), 60, 50, 20, 40000);
    Planar shot = new Planar(piece, piece.copy(), piece.copy());
    CleanBackground layers = CleanBackgroundOps.sweep(shot, product, new GrayU16(w, h), CFG.withFill(BackgroundFill.WHITE));
    Planar composite = LayerComposite.of(shot, product, layers);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (product.get(x, y) == 0) {
          assertThat(composite.bands[1].get(x, y)).as("(%d, %d)", x, y).isEqualTo(65535);
        }
      }
    }
  }

  @Test
  void keeping_the_vignette_darkens_the_corners() {
    SyntheticStudio studio = SyntheticStudio.build(160, 120, 0.15, 200, 3);
    CleanBackground removed = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(), CFG);
    CleanBackground kept = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(),
        CFG.withRemoveVignetting(false));
    double ratio = Srgb.decode(kept.background().bands[1].get(0, 0)) / Srgb.decode(removed.background().bands[1].get(0, 0));
    assertThat(ratio).isCloseTo(1 - 0.15, within(0.015));
  }

  @Test
  void runs_the_same_on_subimage_views() {
    SyntheticStudio studio = SyntheticStudio.build(120, 90, 0.1, 300, 4);
    Planar big = Planar.create(3, 150, 130);
    GrayU16 bigProduct = GrayU16.filled(150, 130, 65535);
    GrayU16 bigExclude = GrayU16.filled(150, 130, 65535);
    Planar view = big.subimage(17, 23, 137, 113);
    GrayU16 productView = bigProduct.subimage(17, 23, 137, 113);
    GrayU16 excludeView = bigExclude.subimage(17, 23, 137, 113);
    view.setTo(studio.shot());
    productView.setTo(studio.product());
    excludeView.setTo(studio.exclude());
    CleanBackground expected = CleanBackgroundOps.sweep(studio.shot(), studio.product(), studio.exclude(), CFG);
    CleanBackground actual = CleanBackgroundOps.sweep(view, productView, excludeView, CFG);
    assertThat(actual.background().sameSamples(expected.background())).isTrue();
    assertThat(actual.shadowLayer().sameSamples(expected.shadowLayer())).isTrue();
    assertThat(actual.shadowMask().sameSamples(expected.shadowMask())).isTrue();
  }

  @Test
  void rejects_bad_arguments_with_clear_messages() {
    SyntheticStudio studio = SyntheticStudio.build(60, 40, 0.1, 300, 5);
    assertThatThrownBy(() -> CleanBackgroundOps.sweep(studio.shot(), new GrayU16(61, 40), null, CFG))
        .hasMessageContaining("size mismatch");
    assertThatThrownBy(() -> CleanBackgroundOps.sweep(studio.shot(), GrayU16.filled(60, 40, 65535), null, CFG))
        .isInstanceOf(UnsuitableInputException.class).hasMessageContaining("too little background to fit a new sweep");
    assertThatThrownBy(() -> CFG.withFill(null)).hasMessageContaining("fill");
  }
}
