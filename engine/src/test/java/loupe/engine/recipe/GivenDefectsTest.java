// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.inpaint.Synth;
import loupe.engine.alg.mask.BorderType;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dust and hair found before the recipe (those an automatic mask's margin released) are inpainted
 * whether or not the recipe's own detector finds them again, and never inside the guard band. A
 * faint speck, 2 levels below the sweep (under the detector's 4-level contrast floor), stands in
 * for one the detector would not find again.
 */
class GivenDefectsTest {
  private static final int W = 240;
  private static final int H = 200;
  private static final int CX = 120;
  private static final int CY = 100;

  private static Planar scene(GrayU16 piece, GrayU16 speck) {
    Planar image = Synth.ramp(W, H, 3, new double[] {58000, 58500, 57500}, -20, -25, 0, 0, true, 7);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double f = piece.get(x, y) > 0 ? 0.45 : speck.get(x, y) > 0 ? 0.99 : 1;
        for (GrayU16 band : image.bands) {
          band.set(x, y, (int) (band.get(x, y) * f) / 257 * 257);
        }
      }
    }
    return image;
  }

  private static Planar background(RetouchInput in) {
    return RecipeRunner.run(Recipe.PRO, in, RecipeOptions.defaults(Recipe.PRO).withDenoise(0), Progress.NONE).layers().stream()
        .filter(l -> l.name().startsWith("Loupe background")).findFirst().orElseThrow().pixels();
  }

  @Test
  void a_given_speck_is_inpainted_though_the_detector_misses_it() {
    GrayU16 piece = Synth.disc(new GrayU16(W, H), CX, CY, 30, 65535);
    GrayU16 speck = Synth.disc(new GrayU16(W, H), CX + 60, CY, 2, 65535);
    Planar image = scene(piece, speck);
    int before = image.bands[1].get(CX + 60, CY);
    int beside = image.bands[1].get(CX + 66, CY);

    Planar found = background(new RetouchInput(image, BitDepth.EIGHT, piece, null, null, null));
    Planar given = background(new RetouchInput(image, BitDepth.EIGHT, piece, null, null, null,
        Synth.disc(new GrayU16(W, H), CX + 60, CY, 3, 65535)));

    assertThat(found.bands[1].get(CX + 60, CY)).as("the detector alone leaves it").isEqualTo(before);
    assertThat(given.bands[1].get(CX + 60, CY)).as("given, it is inpainted").isNotEqualTo(before);
    assertThat(Math.abs(given.bands[1].get(CX + 60, CY) - beside)).as("to the sweep around it").isLessThanOrEqualTo(257);
  }

  @Test
  void a_given_speck_inside_the_guard_band_is_left() {
    GrayU16 piece = Synth.disc(new GrayU16(W, H), CX, CY, 30, 65535);
    GrayU16 speck = Synth.disc(new GrayU16(W, H), CX + 32, CY, 2, 65535); // 2 px from the piece
    Planar image = scene(piece, speck);

    Planar given = background(new RetouchInput(image, BitDepth.EIGHT, piece, null, null, null, speck));

    assertThat(given.bands[1].get(CX + 32, CY)).isEqualTo(image.bands[1].get(CX + 32, CY));
  }

  /**
   * The protection and its guard band cover all but a 2 px strip at the right edge, and a given
   * hair lies along that strip: no pixel is left that a fill could sample (a small frame the
   * automatic margin all but fills, as in psd-tools' smart-objects-placed.psd).
   */
  private static RetouchResult quickWithNothingToSample(BackgroundMode mode, Planar[] shot) {
    GrayU16 piece = new GrayU16(W, H);
    GrayU16 hair = new GrayU16(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        (x < W - 6 ? piece : hair).set(x, y, 65535);
      }
    }
    shot[0] = scene(piece, hair);
    return RecipeRunner.run(Recipe.QUICK, new RetouchInput(shot[0], BitDepth.EIGHT, piece, null, null, null, hair),
        RecipeOptions.defaults(Recipe.QUICK).withBackground(mode), Progress.NONE);
  }

  @Test
  void defects_with_nothing_to_sample_are_left_as_shot_and_said() {
    Planar[] shot = new Planar[1];
    RetouchResult result = quickWithNothingToSample(BackgroundMode.KEEP, shot);

    assertThat(result.notes()).anyMatch(n -> n.contains("left as shot") && n.contains("nothing to sample"));
    Planar kept = result.layers().stream().filter(l -> l.name().startsWith("Loupe background")).findFirst()
        .orElseThrow().pixels();
    assertThat(kept.bands[1].get(W - 1, H / 2)).isEqualTo(shot[0].bands[1].get(W - 1, H / 2));
  }

  /**
   * Select Subject, Inverse, Feather, Save Selection: props given as the whole background, soft
   * towards the piece. The fill had nothing to sample either, but the soft pixels passed for
   * samplable ones, and the job ended in the inpainter's internal error.
   */
  @Test
  void a_feathered_prop_selection_over_the_whole_background_is_left_as_shot_and_said() {
    GrayU16 piece = Synth.disc(new GrayU16(W, H), CX, CY, 30, 65535);
    GrayU16 props = MaskOps.invert(MaskOps.feather(piece, 12, BorderType.EXTEND, null), null);
    RetouchInput in = new RetouchInput(scene(piece, new GrayU16(W, H)), BitDepth.EIGHT, piece, null, null, props, null);

    RetouchResult kept = RecipeRunner.run(Recipe.QUICK, in, RecipeOptions.defaults(Recipe.QUICK), Progress.NONE);

    assertThat(kept.notes()).anyMatch(n -> n.contains("left as shot") && n.contains("nothing to sample"));
    assertThatThrownBy(() -> RecipeRunner.run(Recipe.QUICK, in,
        RecipeOptions.defaults(Recipe.QUICK).withBackground(BackgroundMode.WHITE), Progress.NONE))
        .isInstanceOf(UnsuitableInputException.class).hasMessageContaining("too little background to fit a new sweep");
  }

  @ParameterizedTest
  @EnumSource(value = BackgroundMode.class, names = {"CLEAN", "WHITE"})
  void a_background_with_nothing_to_fit_a_sweep_to_is_refused_by_name(BackgroundMode mode) {
    assertThatThrownBy(() -> quickWithNothingToSample(mode, new Planar[1]))
        .isInstanceOf(UnsuitableInputException.class).hasMessageContaining("too little background to fit a new sweep");
  }
}
