// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

/**
 * Stresses the two refiners that may turn the coarse jewelry into background, {@link
 * PropInteriorRefiner} and {@link StoneHullRefiner}, on synthetic studio shots that vary what the
 * dev scenes do not: stones without a girdle line whose flat rim facets have the grey of their
 * contact shadow, 40–400 px across, round, oval and pear, shadows on every side and of every
 * darkness, a stone against a grey or beige putty, a warm flat facet beside a beige putty, a grey
 * flat bar of a chain beside an acrylic block. Per case, the fully-jewelry truth pixels a refiner
 * turns from ≥ 50% to < 50% (the mask without the refiner against the mask with it) must be none.
 */
class RefinerSafetyStressTest {
  private static final SegmentConfig CFG = SegmentConfig.defaults();
  private static final double[] GREY_PUTTY = {0.72, 0.72, 0.72};
  private static final double[] BEIGE_PUTTY = {0.84, 0.83, 0.80};
  private static final double[] ACRYLIC = {171 / 232.0, 172 / 231.0, 173 / 227.0};

  /** Per case, the truth pixels each refiner lost in the whole segmenter. */
  private static Map<String, Integer> losses(String name, StoneShot.Rendered shot, Map<String, Integer> into) {
    RefinerSteps steps = RefinerSteps.of(shot.image(), CFG);
    into.put(name + ": prop interiors", RefinerSteps.lost(steps.withoutPropInterior(), steps.mask(), shot.full()));
    into.put(name + ": stone hulls", RefinerSteps.lost(steps.beforeHull(), steps.mask(), shot.full()));
    return into;
  }

  @Test
  void stonesLoseNoJewelryInTheSegmenter() {
    Map<String, Integer> lost = new LinkedHashMap<>();
    losses("240 px, no girdle, shadow below", new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.2, null).render(3),
        lost);
    losses("40 px, no girdle", new StoneShot(1600, 1200, 40, 1, false, false, 90, 0.2, null).render(3), lost);
    losses("pear 300 px, shadow upper left", new StoneShot(1600, 1200, 300, 0.7, true, false, 225, 0.2, null).render(3),
        lost);
    losses("against beige putty", new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.2, BEIGE_PUTTY).render(3), lost);
    assertThat(lost).allSatisfy((name, n) -> assertThat(n).as(name).isZero());
  }

  @Test
  void flatFacetsOfThePropsColourStayJewelry() {
    Map<String, Integer> lost = new LinkedHashMap<>();
    losses("gold facet, putty's colour shaded 0.9, 20 px off", new PropFacetShot(false, BEIGE_PUTTY,
        scale(BEIGE_PUTTY, 0.9), 20).render(5), lost);
    losses("gold facet, putty's colour shaded 0.7, 50 px off", new PropFacetShot(false, BEIGE_PUTTY,
        scale(BEIGE_PUTTY, 0.7), 50).render(5), lost);
    losses("chain's grey bar, the acrylic's colour, touching", new PropFacetShot(true, ACRYLIC, ACRYLIC, 0).render(5),
        lost);
    assertThat(lost).allSatisfy((name, n) -> assertThat(n).as(name).isZero());
  }

  /**
   * Known limit (measured, not fixed): a chain's flat grey bar at the acrylic block's colour, 4 px
   * off the block (a strip of sweep too narrow for the flood between them), is matched to the block
   * across the strip, and the refiner gives part of it back; the edge pass, which cannot tell grey
   * metal from a grey prop, drops most of those pixels even without it. Fails if the loss grows.
   */
  @Test
  void greyBarBesideAcrylicKnownLoss() {
    Map<String, Integer> lost = losses("bar", new PropFacetShot(true, ACRYLIC, ACRYLIC, 4).render(5),
        new LinkedHashMap<>());
    assertThat(lost.get("bar: prop interiors")).isLessThanOrEqualTo(16);
    assertThat(lost.get("bar: stone hulls")).isZero();
  }

  /** The steps run here are the segmenter's: the losses above are the segmenter's own. */
  @Test
  void theStepsAreTheSegmenters() {
    StoneShot.Rendered shot = new StoneShot(800, 600, 160, 0.8, false, false, 45, 0.2, null).render(9);
    GrayU16 mask = new ClassicalSegmenter(CFG).segment(shot.image(), Progress.NONE);
    assertThat(RefinerSteps.of(shot.image(), CFG).mask().sameSamples(mask)).isTrue();
  }

  /**
   * The hull step alone on a loose coarse decision (every stone pixel and the contact shadow down
   * to 8 levels selected), as {@link StoneHullRefinerTest} feeds it: the shadow is cleared and the
   * stone kept, girdle or not, at any size and darkness, against putty.
   */
  @Test
  void hullKeepsStonesOnALooseDecision() {
    Map<String, Integer> lost = new LinkedHashMap<>();
    StoneShot[] shots = {
      new StoneShot(1600, 1200, 240, 1, false, true, 90, 0.2, null),
      new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.2, null),
      new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.35, null),
      new StoneShot(1600, 1200, 40, 1, false, false, 90, 0.2, null),
      new StoneShot(1600, 1200, 80, 1, false, false, 135, 0.2, null),
      new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.2, GREY_PUTTY),
    };
    long cleared = 0;
    for (StoneShot s : shots) {
      long[] result = hullOnly(s);
      lost.put(String.format("%.0f px, girdle %b, shadow %.0f° %.2f, putty %b", s.diameter(), s.girdle(),
          s.shadowAngle(), s.shadowDepth(), s.putty() != null), (int) result[0]);
      cleared += result[1];
    }
    assertThat(lost).allSatisfy((name, n) -> assertThat(n).as(name).isZero());
    assertThat(cleared).as("shadow pixels cleared").isGreaterThan(20000);
  }

  /**
   * Known limit (measured, not fixed: every guard tried cost dev03 its IoU bar): without a girdle
   * line, rim facets as grey as the shadow they meet are set aside with it, the hull falls inside
   * the outline, and rim pixels beyond it are cleared. Fails if the loss grows.
   */
  @Test
  void girdlelessRimFacetsAtTheShadowsGreyKnownLoss() {
    assertThat(hullOnly(new StoneShot(1600, 1200, 240, 1, false, false, 90, 0.1, null))[0]).isLessThanOrEqualTo(1416);
    assertThat(hullOnly(new StoneShot(1600, 1200, 400, 1, false, false, 0, 0.2, null))[0]).isLessThanOrEqualTo(7);
    assertThat(hullOnly(new StoneShot(1600, 1200, 300, 0.7, false, false, 45, 0.2, null))[0]).isLessThanOrEqualTo(28);
    assertThat(hullOnly(new StoneShot(1600, 1200, 300, 0.7, true, false, 225, 0.2, null))[0]).isLessThanOrEqualTo(40);
  }

  /** {truth pixels the hull step lost, shadow pixels it cleared} on a loose coarse decision. */
  private static long[] hullOnly(StoneShot s) {
    StoneShot.Rendered shot = s.render(3);
    int w = s.width();
    int h = s.height();
    WorkImage work = WorkImage.of(shot.image(), CFG.frameScale(w, h), Progress.NONE);
    GrayU16 mask = new GrayU16(w, h);
    boolean[] jewelry = new boolean[work.width * work.height];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean keep = s.q(x + 0.5, y + 0.5) <= 1 || s.darkening(x, y) * 232 >= 8;
        mask.set(x, y, keep ? 65535 : 0);
        jewelry[work.index(x, y)] |= keep;
      }
    }
    Plane[] sweep = SweepModel.fit(work, CFG.sweepDegree()).sample(work);
    GrayU16 before = mask.copy();
    StoneHullRefiner.refine(shot.image(), work, sweep, jewelry, NoiseEstimate.sigma(shot.image()), CFG, mask,
        Progress.NONE);
    long cleared = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        cleared += s.darkening(x, y) * 232 >= 8 && mask.get(x, y) == 0 ? 1 : 0;
      }
    }
    return new long[] {RefinerSteps.lost(before, mask, shot.full()), cleared};
  }

  private static double[] scale(double[] c, double g) {
    return new double[] {c[0] * g, c[1] * g, c[2] * g};
  }
}
