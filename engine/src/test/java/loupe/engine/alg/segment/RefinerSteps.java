// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The steps of {@link ClassicalSegmenter#segment}, run one by one so that the masks with and
 * without each refiner can be compared: what a refiner turns from jewelry (≥ 50%) to background is
 * measured against the mask the same shot gets without it.
 *
 * @param withoutPropInterior the final mask when the flood's decision goes to the edge pass as is
 * @param beforeHull the mask before {@link StoneHullRefiner}
 * @param mask the final mask (what {@link ClassicalSegmenter#segment} returns)
 */
record RefinerSteps(GrayU16 withoutPropInterior, GrayU16 beforeHull, GrayU16 mask) {
  static RefinerSteps of(Planar image, SegmentConfig cfg) {
    WorkImage work = WorkImage.of(image, cfg.frameScale(image.width, image.height), Progress.NONE);
    Plane[] sweep = SweepModel.fit(work, cfg.sweepDegree()).sample(work);
    boolean[] flooded = CoarseClassifier.jewelry(work, sweep, cfg);
    boolean[] jewelry = PropInteriorRefiner.release(work, sweep, flooded, cfg);
    double sigma = NoiseEstimate.sigma(image);
    double edgeSigma = ClassicalSegmenter.edgeSigma(image, sigma);
    GrayU16 without = pockets(image, work, sweep, flooded, flooded, sigma, edgeSigma, cfg);
    StoneHullRefiner.refine(image, work, sweep, flooded, sigma, cfg, without, Progress.NONE);
    GrayU16 before = pockets(image, work, sweep, flooded, jewelry, sigma, edgeSigma, cfg);
    GrayU16 mask = before.copy();
    StoneHullRefiner.refine(image, work, sweep, jewelry, sigma, cfg, mask, Progress.NONE);
    return new RefinerSteps(without, before, mask);
  }

  /** The edge pass and the chain-hole pass on a coarse decision. */
  private static GrayU16 pockets(Planar image, WorkImage work, Plane[] sweep, boolean[] flooded, boolean[] jewelry,
      double sigma, double edgeSigma, SegmentConfig cfg) {
    Plane[] local = EdgeRefiner.localBackground(work, sweep,
        PropInteriorRefiner.notSampled(work, flooded, jewelry, cfg), cfg.localBackgroundRadius());
    GrayU16 mask = EdgeRefiner.refine(image, work, local, jewelry, edgeSigma, cfg, Progress.NONE);
    SweepPocketRefiner.refine(image, work, sweep, local, jewelry, sigma, cfg, mask, Progress.NONE);
    return mask;
  }

  /** Truth pixels that {@code before} selects (≥ 50%) and {@code after} does not. */
  static int lost(GrayU16 before, GrayU16 after, boolean[] truth) {
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      int x = i % before.width;
      int y = i / before.width;
      n += truth[i] && before.get(x, y) >= 32768 && after.get(x, y) < 32768 ? 1 : 0;
    }
    return n;
  }

  /** Truth pixels that {@code mask} leaves below 50%. */
  static int missed(GrayU16 mask, boolean[] truth) {
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      n += truth[i] && mask.get(i % mask.width, i / mask.width) < 32768 ? 1 : 0;
    }
    return n;
  }
}
