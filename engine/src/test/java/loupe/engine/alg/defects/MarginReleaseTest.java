// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.alg.inpaint.Synth;
import loupe.engine.alg.mask.BorderType;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

/**
 * A piece (disc, r = 30) whose estimate is exactly the disc, protected by a 42 px margin, on a noisy
 * sweep; specks and missed parts are painted into the margin. (On this sweep's correlated noise a
 * speck's detection, halo included, is about 17 px across, hence the wide margin.)
 */
class MarginReleaseTest {
  private static final int W = 240;
  private static final int H = 200;
  private static final int CX = 120;
  private static final int CY = 100;
  private static final int RADIUS = 11;
  /** How far past a painted speck its detection reaches (MarginRelease.DETECTION_HALO, and a margin). */
  private static final int DETECTION_REACH = 10;
  private static final int WIDE_X = 2800;
  private static final int WIDE_Y = 200;
  private static final DefectConfig CFG = DefectConfig.defaults();

  private static Planar scene() {
    Planar image = Synth.ramp(W, H, 3, new double[] {58000, 58500, 57500}, -20, -25, 500, 0, true, 7);
    Synth.paint(image, estimate(), 0.45);
    return image;
  }

  private static GrayU16 estimate() {
    return Synth.disc(new GrayU16(W, H), CX, CY, 30, 65535);
  }

  private static GrayU16 margin() {
    return Synth.disc(new GrayU16(W, H), CX, CY, 72, 65535);
  }

  /** Darkens every column from {@code left} on: a large object beside the piece. */
  private static void paintFrom(Planar image, int left) {
    GrayU16 region = new GrayU16(W, H);
    region.subimage(left, 0, W, H).fill(65535);
    Synth.paint(image, region, 0.7);
  }

  private static GrayU16 speck(int x, int y, int r) {
    return Synth.disc(new GrayU16(W, H), x, y, r, 65535);
  }

  private static GrayU16 release(Planar image) {
    return MarginRelease.release(image, estimate(), margin(), RADIUS, null, CFG).protection();
  }

  @Test
  void an_isolated_speck_in_the_margin_is_released_and_nothing_else() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 62, CY, 2), 0.8); // 32 px out from the piece, inside the 42 px margin
    GrayU16 out = release(image);

    assertThat(out.get(CX + 62, CY)).isZero();
    GrayU16 estimate = estimate();
    GrayU16 margin = margin();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean inZone = Math.abs(x - (CX + 62)) <= 10 + RADIUS && Math.abs(y - CY) <= 10 + RADIUS;
        if (estimate.get(x, y) > 0) {
          assertThat(out.get(x, y)).as("estimate at %d,%d", x, y).isEqualTo(65535);
        }
        if (!inZone) {
          assertThat(out.get(x, y)).as("outside the zone at %d,%d", x, y).isEqualTo(margin.get(x, y));
        }
      }
    }
  }

  /**
   * A speck 22 px in radius in a frame 3.5× as wide as the design's (a strip, to stay small): 6 px
   * at 1600 px, 2,891 px with its halo. Over the 1600 px dust limit (1,000 px), under this frame's
   * (5,660 px); only its zone is released.
   */
  @Test
  void a_speck_in_a_large_frame_is_released_at_its_size() {
    Wide wide = Wide.released(200, 22, 250);
    assertThat(wide.protection.get(WIDE_X + 200, WIDE_Y)).isZero();
    int reach = 22 + DETECTION_REACH + RADIUS;
    for (int y = 0; y < wide.margin.height; y++) {
      for (int x = 0; x < wide.margin.width; x++) {
        if (Math.abs(x - WIDE_X - 200) > reach || Math.abs(y - WIDE_Y) > reach) {
          assertThat(wide.protection.get(x, y)).as("outside the zone at %d,%d", x, y).isEqualTo(wide.margin.get(x, y));
        }
      }
    }
  }

  /**
   * {@link Synth#wideStrip} with a piece of radius 105 (30 at 1600 px) at ({@link #WIDE_X}, {@link
   * #WIDE_Y}), its estimate exact, a margin disc of {@code marginRadius} and a speck painted
   * {@code offset} px right of the piece's centre; the margin after the release, with the frame's
   * config.
   */
  private record Wide(GrayU16 protection, GrayU16 margin) {
    static Wide released(int offset, int speckRadius, int marginRadius) {
      Planar image = Synth.wideStrip(7);
      GrayU16 blank = new GrayU16(image.width, image.height);
      GrayU16 estimate = Synth.disc(blank.copy(), WIDE_X, WIDE_Y, 105, 65535);
      Synth.paint(image, estimate, 0.45);
      Synth.paint(image, Synth.disc(blank.copy(), WIDE_X + offset, WIDE_Y, speckRadius, 65535), 0.8);
      GrayU16 margin = Synth.disc(blank, WIDE_X, WIDE_Y, marginRadius, 65535);
      DefectConfig cfg = DefectConfig.forFrame(image.width, image.height);
      return new Wide(MarginRelease.release(image, estimate, margin, RADIUS, null, cfg).protection(), margin);
    }
  }

  @Test
  void a_faint_speck_is_handed_on_but_not_released() {
    Planar image = scene();
    // 7 levels darker than the sweep, over its 2-level correlated noise: what a blob of noise or
    // shading on a missed part that mirrors the sweep looks like.
    Synth.paint(image, speck(CX + 62, CY, 3), 0.97);
    MarginRelease.Released out = MarginRelease.release(image, estimate(), margin(), RADIUS, null, CFG);

    assertThat(out.specks().get(CX + 62, CY)).as("detected, and its ring is plain").isEqualTo(65535);
    assertThat(out.protection().sameSamples(margin())).as("nothing released").isTrue();
  }

  @Test
  void a_thin_protrusion_attached_to_the_piece_is_not_released() {
    Planar image = scene();
    // 2 px wide, 34 px long, out of the piece's edge: the estimate missed it.
    GrayU16 prong = Synth.segment(new GrayU16(W, H), CX + 29, CY, CX + 64, CY, 1, 65535);
    Synth.paint(image, prong, 0.45);
    assertThat(release(image).sameSamples(margin())).isTrue();
  }

  @Test
  void a_speck_touching_the_piece_is_not_released() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 33, CY, 2), 0.8);
    assertThat(release(image).sameSamples(margin())).isTrue();
  }

  @Test
  void a_speck_is_released_only_when_its_whole_ring_is_plain_background() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 72, CY, 2), 0.8);
    // Something the estimate missed, 30 px beyond the speck: the sweep beside it reads as non-plain
    // within a 20 px ring around the speck, not within an 11 px one.
    paintFrom(image, CX + 102);
    GrayU16 estimate = estimate();
    GrayU16 margin = Synth.disc(new GrayU16(W, H), CX, CY, 100, 65535);
    assertThat(MarginRelease.release(image, estimate, margin, RADIUS, null, CFG).protection().get(CX + 72, CY)).isZero();
    assertThat(MarginRelease.release(image, estimate, margin, 20, null, CFG).protection().get(CX + 72, CY)).isEqualTo(65535);
  }

  @Test
  void an_isolated_blob_neither_small_nor_thin_is_not_released() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 70, CY, 12), 0.8); // as large as a missed stud
    GrayU16 margin = Synth.disc(new GrayU16(W, H), CX, CY, 110, 65535);
    assertThat(MarginRelease.release(image, estimate(), margin, RADIUS, null, CFG).protection().sameSamples(margin)).isTrue();
  }

  /**
   * The blob above in a frame 3.5× as wide, 3.5× as large (7,961 px with its halo): the dust limit
   * grows with the frame (5,660 px here), but only the speck inside it, not the halo, so this blob
   * stays protected. Scaling the whole 1,000 px (12,250 px) released it.
   */
  @Test
  void an_isolated_blob_neither_small_nor_thin_is_not_released_in_a_large_frame_either() {
    Wide wide = Wide.released(245, 42, 385);
    assertThat(wide.protection.sameSamples(wide.margin)).isTrue();
  }

  @Test
  void a_sub_image_view_gives_the_same_release() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 62, CY, 2), 0.8);
    Planar view = Synth.asView(image, 1);
    GrayU16 estimate = Synth.asView(estimate(), 2);
    GrayU16 margin = Synth.asView(margin(), 3);
    GrayU16 out = MarginRelease.release(view, estimate, margin, RADIUS, null, CFG).protection();
    assertThat(out.sameSamples(release(image))).isTrue();
    assertThat(margin.sameSamples(margin())).as("the margin is not modified").isTrue();
  }

  @Test
  void a_strong_long_hair_is_handed_on_but_keeps_its_protection() {
    Planar image = scene();
    // 3 px wide, 150 px long, as dark as the piece, 25 px out from it and ending beyond the margin:
    // a hair, or a missed chain (shape cannot tell), detected 18 px wide.
    GrayU16 hair = Synth.segment(new GrayU16(W, H), CX + 55, CY - 75, CX + 55, CY + 75, 1, 65535);
    Synth.paint(image, hair, 0.45);
    MarginRelease.Released out = MarginRelease.release(image, estimate(), margin(), RADIUS, null, CFG);

    assertThat(out.protection().sameSamples(margin())).as("nothing released").isTrue();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (hair.get(x, y) > 0) {
          assertThat(out.specks().get(x, y)).as("handed on at %d,%d", x, y).isEqualTo(65535);
        }
      }
    }
  }

  @Test
  void a_missed_tip_beside_a_missed_part_just_beyond_the_margin_keeps_its_protection() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 62, CY, 2), 0.45); // a tip in the margin
    // The part it belongs to, mostly beyond the 72 px margin but within the tip's 11 px ring (farther
    // out, the ring no longer sees it: the ring's reach is the rule's limit).
    Synth.paint(image, speck(CX + 90, CY, 10), 0.45);
    assertThat(release(image).get(CX + 62, CY)).isEqualTo(65535);
  }

  @Test
  void a_speck_beside_a_prop_beyond_the_margin_is_handed_on_not_released() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 60, CY, 2), 0.8);
    // A prop 22 px out from the speck: the sweep beside it reads as non-plain for ~14 px (the
    // large-scale background is pulled towards the prop), and that lies in the speck's zone.
    paintFrom(image, CX + 82);
    GrayU16 estimate = estimate();
    // Full to 62 px with a soft edge beyond, as the server builds it: the edge's partial values
    // reach into the sweep the prop darkens, and count as not fully protected.
    GrayU16 soft = MaskOps.feather(Synth.disc(new GrayU16(W, H), CX, CY, 66, 65535), 2, BorderType.EXTEND, null);
    GrayU16 near = MaskOps.add(soft, Synth.disc(new GrayU16(W, H), CX, CY, 62, 65535), null);
    GrayU16 wide = Synth.disc(new GrayU16(W, H), CX, CY, 100, 65535);
    MarginRelease.Released beyond = MarginRelease.release(image, estimate, near, RADIUS, null, CFG);
    MarginRelease.Released within = MarginRelease.release(image, estimate, wide, RADIUS, null, CFG);

    assertThat(beyond.protection().get(CX + 60, CY)).as("its ring is not plain").isEqualTo(65535);
    assertThat(beyond.specks().get(CX + 60, CY)).as("the prop and the sweep it darkens lie beyond the margin")
        .isEqualTo(65535);
    assertThat(within.specks().get(CX + 60, CY)).as("the margin protects the prop: it could be a missed part")
        .isZero();
  }

  @Test
  void a_speck_far_from_the_protection_is_left_to_the_recipe() {
    Planar image = scene();
    Synth.paint(image, speck(CX + 62, CY, 2), 0.8); // in the margin
    Synth.paint(image, speck(CX + 95, CY - 70, 2), 0.8); // 118 px out: its zone ends ~16 px beyond the 72 px margin
    MarginRelease.Released out = MarginRelease.release(image, estimate(), margin(), RADIUS, null, CFG);

    assertThat(out.specks().get(CX + 62, CY)).isEqualTo(65535);
    assertThat(out.specks().get(CX + 95, CY - 70)).as("the recipe's detector finds it on its own").isZero();
  }
}
