// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/**
 * Healing exempts painted jewelry pixels from the guard only where a heal layer is made, and it
 * samples only what the jewelry layer shows: pixels its layer mask hides are not jewelry.
 */
class RecipeHealTest {
  static final int W = 96;
  static final int H = 72;
  static final int RED = 0;

  /**
   * A grey piece (with texture) on a light sweep; its layer's right third holds pure red pixels that
   * the layer mask hides, as in a duplicated photograph cut out with a mask.
   */
  static RetouchInput input(GrayU16 heal) {
    return input(heal, 64);
  }

  /** @param productRight where the product mask ends (the layer mask ends at 64; wider: an automatic margin) */
  static RetouchInput input(GrayU16 heal, int productRight) {
    Random random = new Random(3);
    Planar sweep = Planar.create(3, W, H);
    Planar piece = Planar.create(3, W, H);
    GrayU16 userMask = new GrayU16(W, H);
    GrayU16 product = new GrayU16(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean inside = x >= 16 && x < 64 && y >= 12 && y < 60;
        for (int c = 0; c < 3; c++) {
          sweep.bands[c].set(x, y, 60000 + random.nextInt(300));
          piece.bands[c].set(x, y, x >= 64 ? (c == RED ? 65535 : 0) : 20000 + random.nextInt(4000));
        }
        userMask.set(x, y, inside ? 65535 : 0);
        product.set(x, y, x >= 16 && x < productRight && y >= 12 && y < 60 ? 65535 : 0);
      }
    }
    ProtectedLayer jewelry = new ProtectedLayer(piece, null, userMask, Rect.ofSize(W, H), 255);
    return new RetouchInput(sweep, BitDepth.SIXTEEN, product, jewelry, heal, null);
  }

  /** A stroke painted along the piece's right edge, beside the hidden red pixels. */
  static GrayU16 stroke() {
    GrayU16 heal = new GrayU16(W, H);
    heal.subimage(56, 30, 64, 40).fill(65535);
    return heal;
  }

  /**
   * A jewelry layer larger than the canvas, healed over the whole canvas: its off-canvas pixels are
   * a source, so the heal ran, and the result said "0 protected, 0 changed — bit-exact".
   */
  @Test
  void a_heal_area_over_every_jewelry_pixel_on_the_canvas_is_refused() {
    Planar piece = Planar.create(3, W + 20, H + 20);
    for (GrayU16 band : piece.bands) {
      band.fill(20000);
    }
    ProtectedLayer jewelry = new ProtectedLayer(piece, null, null, new Rect(-10, -10, W + 10, H + 10), 255);
    RetouchInput in = new RetouchInput(Planar.create(3, W, H), BitDepth.SIXTEEN, GrayU16.filled(W, H, 65535),
        jewelry, GrayU16.filled(W, H, 65535), null);

    assertThatThrownBy(() -> RecipeRunner.run(Recipe.EDITORIAL, in, RecipeOptions.defaults(Recipe.EDITORIAL),
        ModelInpainter.Source.NONE, Progress.NONE)).isInstanceOf(UnsuitableInputException.class)
        .hasMessage("the heal area covers every jewelry pixel on the canvas: none would be left as shot for Loupe "
            + "to protect; paint only the flaws");
  }

  @Test
  void a_heal_stroke_outside_editorial_is_left_as_shot_and_guarded() {
    RetouchResult result = RecipeRunner.run(Recipe.PRO, input(stroke()), RecipeOptions.defaults(Recipe.PRO),
        ModelInpainter.Source.NONE, Progress.NONE);

    assertThat(result.fidelity().healedPixels()).isZero();
    assertThat(result.fidelity().protectedPixels()).isEqualTo(48L * 48);
    assertThat(result.layers()).noneMatch(l -> l.name().startsWith("Loupe heal"));
    assertThat(result.notes()).anyMatch(n -> n.contains("heal areas were left as shot"));
  }

  /** A stroke on the sweep, beside the piece: nothing to heal, and the result says so rather than nothing. */
  @Test
  void a_heal_stroke_off_the_piece_is_said_to_heal_nothing() {
    GrayU16 offPiece = new GrayU16(W, H);
    offPiece.subimage(2, 2, 10, 10).fill(65535);
    RetouchResult result = RecipeRunner.run(Recipe.EDITORIAL, input(offPiece), RecipeOptions.defaults(Recipe.EDITORIAL),
        ModelInpainter.Source.NONE, Progress.NONE);

    assertThat(result.fidelity().healedPixels()).isZero();
    assertThat(result.layers()).noneMatch(l -> l.name().startsWith("Loupe heal"));
    assertThat(result.notes()).contains("the painted heal area lies off the piece, so nothing was healed: healing fills "
        + "flaws on the jewelry layer; paint over them");
  }

  @Test
  void healing_never_samples_what_the_layer_mask_hides() {
    RetouchResult result = RecipeRunner.run(Recipe.EDITORIAL, input(stroke()),
        RecipeOptions.defaults(Recipe.EDITORIAL), ModelInpainter.Source.NONE, Progress.NONE);

    OutputLayer heal = result.layers().stream().filter(l -> l.name().startsWith("Loupe heal")).findFirst()
        .orElseThrow();
    assertThat(result.fidelity().healedPixels()).isEqualTo(8L * 10);
    for (int y = 30; y < 40; y++) {
      for (int x = 56; x < 64; x++) {
        assertThat(heal.pixels().bands[RED].get(x, y)).as("red at (%d, %d)", x, y).isLessThan(30000);
      }
    }
  }

  /**
   * A stroke from inside the piece across its right edge (x = 64) into what the layer mask hides.
   * Before the heal layer's coverage was multiplied by the jewelry's, its mask was the stroke itself:
   * 6 × 10 = 60 opaque heal pixels over the sweep, where the jewelry layer is transparent.
   */
  @Test
  void a_stroke_across_the_edge_heals_only_where_the_jewelry_layer_shows() {
    GrayU16 heal = new GrayU16(W, H);
    heal.subimage(58, 30, 70, 40).fill(65535);
    RetouchInput in = input(heal);
    RetouchResult result = RecipeRunner.run(Recipe.EDITORIAL, in, RecipeOptions.defaults(Recipe.EDITORIAL),
        ModelInpainter.Source.NONE, Progress.NONE);

    OutputLayer layer = result.layers().stream().filter(l -> l.name().startsWith("Loupe heal")).findFirst()
        .orElseThrow();
    GrayU16 jewel = in.jewelry().coverage();
    long beside = 0;
    long healing = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int cover = layer.asComposite().coverage(x, y);
        beside += jewel.get(x, y) == 0 && cover > 0 ? 1 : 0;
        healing += cover > 0 ? 1 : 0;
      }
    }
    assertThat(beside).isZero();
    assertThat(healing).isEqualTo(6L * 10);
    assertThat(result.fidelity().healedPixels()).isEqualTo(6L * 10);
  }

  /**
   * The piece's anti-aliased edge (the user mask at half at x = 63) is not healed: a heal layer above
   * a pixel the jewelry covers by a would cover it 1 − (1 − a)² (found by an audit: the edge
   * thickened and darkened where a stroke crossed it).
   */
  @Test
  void a_stroke_across_a_soft_edge_heals_only_the_fully_covered_pixels() {
    GrayU16 heal = new GrayU16(W, H);
    heal.subimage(58, 30, 70, 40).fill(65535);
    RetouchInput hard = input(heal);
    GrayU16 softMask = hard.jewelry().mask().copy();
    for (int y = 12; y < 60; y++) {
      softMask.set(63, y, 32768);
    }
    ProtectedLayer j = hard.jewelry();
    RetouchInput in = new RetouchInput(hard.image(), hard.depth(), hard.productMask(),
        new ProtectedLayer(j.pixels(), j.alpha(), softMask, j.bounds(), j.opacity()), heal, null);
    RetouchResult result = RecipeRunner.run(Recipe.EDITORIAL, in, RecipeOptions.defaults(Recipe.EDITORIAL),
        ModelInpainter.Source.NONE, Progress.NONE);

    OutputLayer layer = result.layers().stream().filter(l -> l.name().startsWith("Loupe heal")).findFirst()
        .orElseThrow();
    for (int y = 30; y < 40; y++) {
      assertThat(layer.asComposite().coverage(63, y)).as("edge pixel (63, %d)", y).isZero();
      assertThat(layer.asComposite().coverage(62, y)).as("full pixel (62, %d)", y).isEqualTo(65535);
    }
    assertThat(result.fidelity().healedPixels()).isEqualTo(5L * 10);
    assertThat(result.notes()).contains("10 painted pixels on the piece's anti-aliased edge, or where its layer is "
        + "partly transparent, were left as shot: healing works where the jewelry layer covers fully");
  }

  /**
   * A protection wider than the jewelry layer (an automatic mask's margin): painted pixels past the
   * layer's edge are not healed, so they stay protected and checked (they were counted as healed,
   * and so skipped by the guard and the written-file check, though nothing healed them).
   */
  @Test
  void painted_pixels_the_jewelry_layer_does_not_show_stay_protected() {
    GrayU16 heal = new GrayU16(W, H);
    heal.subimage(58, 30, 70, 40).fill(65535);
    RetouchInput in = input(heal, 72);
    RetouchResult result = RecipeRunner.run(Recipe.EDITORIAL, in, RecipeOptions.defaults(Recipe.EDITORIAL),
        ModelInpainter.Source.NONE, Progress.NONE);

    assertThat(result.fidelity().healedPixels()).isEqualTo(6L * 10);
    assertThat(result.fidelity().protectedPixels()).isEqualTo(56L * 48 - 6 * 10);
    assertThat(result.fidelity().changedPixels()).isZero();
    assertThat(in.healArea().get(66, 35)).isZero();
    assertThat(in.healArea().get(60, 35)).isEqualTo(65535);
  }
}
