// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Objects;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The model-free product mask for jewelry shot on a light, seamless sweep.
 *
 * <ol>
 *   <li>Reduce the shot to a work image (long side {@link SegmentConfig#workLongSide()}, by any
 *       factor; a smaller shot is not enlarged, and its surfaces are asked to be proportionally
 *       narrower: {@link SegmentConfig#forFrameWorkImage}), or by a larger integer factor for a piece
 *       that is large in the frame ({@link #workScale}). Such a close-up, when the
 *       piece is near the largest the work scale is made for ({@link #CLOSE_UP_SHARE}), is
 *       segmented again one factor coarser, and the two masks are united: with dev02's pendant at 2×
 *       in a 1600 px frame (factor 3), the flood took a band of rim facets and a prong at the
 *       stone's widest point that factor 4 keeps, and 2,206 fully jewelry pixels lay beyond the
 *       safety margin of the recipes; the price is sweep and prop near the piece that only the
 *       coarser scale keeps (IoU down by up to 0.05 on the close-ups measured; docs/engine-notes.md).
 *   <li>Fit the sweep as a smooth polynomial surface per channel, robustly ({@link SweepModel}).
 *   <li>Flood the background from the large smooth, near-neutral regions that are surely surface
 *       (touching the frame, matching the sweep model, or wider than any facet) through smooth
 *       pixels and blend-only prop silhouettes; the rest is jewelry, minus tiny pieces ({@link
 *       CoarseClassifier}). Enclosed sweep (a ring's interior) matches the sweep model and so is
 *       background, while an enclosed facet or mirror face neither seeds nor receives the flood,
 *       unless it has the gain and colour of a coloured prop the flood accepted (the prop's other
 *       side). Background pockets that the piece mostly encloses and that do not show the sweep
 *       are kept with the piece.
 *   <li>Give back the parts of a prop that the piece encloses or that are shaded, which carry the
 *       appearance of the part the flood accepted ({@link PropInteriorRefiner}).
 *   <li>Re-decide a band around the outline at full resolution by a local matting estimate against
 *       the local background ({@link EdgeRefiner}).
 *   <li>Give back, at full resolution, the sweep seen through the holes of chain links in thin
 *       parts of the piece ({@link SweepPocketRefiner}).
 *   <li>Per stone (a wide, nearly convex part), fill the deep notches inside its convex hull (rim
 *       facets that mirror the sweep) and clear the contact shadow beyond it ({@link
 *       StoneHullRefiner}).
 * </ol>
 *
 * Deterministic: no randomness, no dependence on thread scheduling.
 */
public final class ClassicalSegmenter implements ProductSegmenter {
  /** The smallest shot this segmenter accepts (both sides), so that every stage has pixels to work with. */
  public static final int MIN_SIDE = 16;
  /**
   * The shortest work image a large piece may reduce the shot to: the sweep model is fitted on a
   * grid of about 64 blocks, and the radii of {@link SegmentConfig} need room around the piece.
   */
  static final int MIN_WORK_SIDE = 100;
  /**
   * A close-up is segmented at a second, coarser scale only when the piece is near the largest
   * the work scale is made for: at least this share of {@link SegmentConfig#pieceRadius()} at the
   * chosen factor. The close-ups whose rim the union saved measured 57–63 work px; a smaller piece
   * keeps its rim, and the coarser scale only adds sweep and shadow around it (dev03's studs at 1000
   * px, while the frame's factor was still rounded to 1, measured 42 work px at factor 2: IoU 0.745
   * with the union, 0.871 without; docs/engine-notes.md).
   */
  static final double CLOSE_UP_SHARE = 0.75;
  /** Pixels apart of the differences that measure the edge band's noise ({@link NoiseEstimate}). */
  static final int EDGE_NOISE_LAG = 8;

  private final SegmentConfig config;

  public ClassicalSegmenter(SegmentConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public ClassicalSegmenter() {
    this(SegmentConfig.defaults());
  }

  public SegmentConfig config() {
    return config;
  }

  @Override
  public GrayU16 segment(Planar image, Progress progress) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(progress, "progress");
    if (image.width < MIN_SIDE || image.height < MIN_SIDE) {
      throw new UnsuitableInputException(
          "segmenting needs at least " + MIN_SIDE + "×" + MIN_SIDE + " pixels, got " + image.width + "×" + image.height);
    }
    progress.report("segment: reduce", 0);
    WorkScale scale = workScale(image, progress);
    double factor = scale.factor();
    double sigma = NoiseEstimate.sigma(image);
    double edgeSigma = edgeSigma(image, sigma);
    GrayU16 mask = segmentAt(image, factor, sigma, edgeSigma, progress);
    if (factor > config.frameScale(image.width, image.height) && factor < coarsest(image)
        && scale.pieceRadius() / factor >= CLOSE_UP_SHARE * config.pieceRadius()) {
      // A close-up: the rim breaks where the piece is near the largest the radii are measured
      // for, and one step coarser its facets are smaller again. What either scale keeps is jewelry.
      progress.report("segment: close-up, one step coarser", 0);
      MaskOps.add(mask, segmentAt(image, factor + 1, sigma, edgeSigma, progress), mask);
    }
    progress.report("segment: done", 1);
    return mask;
  }

  /**
   * The noise the edge band measures a pixel against: it compares the pixel with a background
   * smoothed over about 12 px, so what counts is the pixel's whole noise. JPEG and resampling
   * correlate it over a few pixels, and neighbour differences ({@code sigma}) see only its finest
   * part (0.5–0.7 levels in a JPEG of quality 0.9, 1.8–2.7 in the PNGs), which let a halo of sweep
   * into the selection.
   */
  static double edgeSigma(Planar image, double sigma) {
    return Math.max(sigma, NoiseEstimate.sigma(image, EDGE_NOISE_LAG));
  }

  /**
   * Steps 2–7 on the shot reduced by {@code factor}; {@code sigma}: the shot's noise, in levels,
   * from neighbour differences; {@code edgeSigma}: its whole noise, for the edge band.
   */
  private GrayU16 segmentAt(Planar image, double factor, double sigma, double edgeSigma, Progress progress) {
    WorkImage work = WorkImage.of(image, factor, progress);
    SegmentConfig cfg = factor == config.frameScale(image.width, image.height)
        ? config.forFrameWorkImage(Math.max(work.width, work.height)) : config;
    progress.checkCancelled();
    progress.report("segment: sweep", 0);
    Plane[] sweep = SweepModel.fit(work, cfg.sweepDegree()).sample(work);
    progress.checkCancelled();
    progress.report("segment: regions", 0);
    boolean[] flooded = CoarseClassifier.jewelry(work, sweep, cfg);
    boolean[] jewelry = PropInteriorRefiner.release(work, sweep, flooded, cfg);
    progress.checkCancelled();
    Plane[] local = EdgeRefiner.localBackground(work, sweep, PropInteriorRefiner.notSampled(work, flooded, jewelry, cfg),
        cfg.localBackgroundRadius());
    GrayU16 mask = EdgeRefiner.refine(image, work, local, jewelry, edgeSigma, cfg, progress);
    progress.checkCancelled();
    progress.report("segment: pockets", 0);
    SweepPocketRefiner.refine(image, work, sweep, local, jewelry, sigma, cfg, mask, progress);
    StoneHullRefiner.refine(image, work, sweep, jewelry, sigma, cfg, mask, progress);
    return mask;
  }

  /**
   * The reduction factor, and the piece's size it was chosen by: the frame's ({@link
   * SegmentConfig#frameScale}), or, when the piece is larger than {@link SegmentConfig#pieceRadius()}
   * at it, the smallest integer factor at which it is not. The piece's size is measured on the
   * flood's decision at twice the frame's factor, where a close-up's stone is still whole (at the
   * frame's factor its rim facets are as wide and smooth as the sweep and are flooded). A 800×600
   * crop around dev02's pendant lost 9.7k stone px at factor 1 and 1.7k at 2. The work image keeps
   * at least {@link #MIN_WORK_SIDE} px on its short side, whatever the piece.
   */
  WorkScale workScale(Planar image, Progress progress) {
    double frame = config.frameScale(image.width, image.height);
    double coarse = 2 * frame;
    if (Math.min(image.width, image.height) / coarse < MIN_SIDE) {
      return new WorkScale(frame, 0);
    }
    WorkImage work = WorkImage.of(image, coarse, progress);
    Plane[] sweep = SweepModel.fit(work, config.sweepDegree()).sample(work);
    boolean[] jewelry = CoarseClassifier.jewelry(work, sweep, config);
    double radius = BinaryMorphology.inscribedRadius(jewelry, work.width, work.height) * coarse;
    if (radius / frame <= config.pieceRadius()) {
      return new WorkScale(frame, radius);
    }
    return new WorkScale(Math.max(frame, Math.min(coarsest(image), Math.ceil(radius / config.pieceRadius()))), radius);
  }

  /**
   * @param factor the reduction factor: full-resolution px per work px
   * @param pieceRadius the piece's size as measured for it: radius of the largest disk inside the
   *     coarse decision, in px of the shot (0 for a shot too small to measure)
   */
  record WorkScale(double factor, double pieceRadius) {}

  /**
   * The largest integer factor that leaves the work image {@link #MIN_WORK_SIDE} px on its short
   * side (the frame's, if more).
   */
  private double coarsest(Planar image) {
    return Math.max(config.frameScale(image.width, image.height), Math.min(image.width, image.height) / MIN_WORK_SIDE);
  }
}
