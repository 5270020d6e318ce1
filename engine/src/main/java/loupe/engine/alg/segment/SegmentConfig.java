// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/**
 * Parameters of {@link ClassicalSegmenter}. Distances marked "work px" are pixels of the reduced
 * work image (long side ≈ {@code workLongSide}), so they scale with the shot; levels are 8-bit
 * levels (0..255) whatever the bit depth.
 *
 * @param workLongSide long side of the work image where the global decisions are taken: a larger
 *     shot is reduced by its long side / this (not rounded to an integer, so every frame's work
 *     image has this size), a smaller one not at all
 * @param sweepDegree total degree of the polynomial sweep model (4: sweep curve plus vignetting)
 * @param smoothLaplacian largest mean |Laplacian| (levels) of a "smooth" pixel: sweep, shadows
 *     and matte props are locally planar, polished metal and diamonds are not
 * @param neutralChroma largest colour deviation (levels) from the sweep's hue of a smooth pixel;
 *     gold and diamond fire exceed it, shadows and grey/beige props do not
 * @param largeSmoothRadius work px: a smooth region that contains a square of this radius is
 *     large: it seeds the flood when it touches the frame, shows the sweep or is wide, and is
 *     otherwise a facet or mirror face that the flood may not enter
 * @param surfaceRadius work px: a smooth region that contains a square of this radius is a surface
 *     (prop, shadow, sweep) even where the piece encloses it; no facet or metal face is that wide
 *     (for a work image of {@code workLongSide}; a shorter one scales it: {@link #forFrameWorkImage})
 * @param sweepTolerance levels: a work pixel within this of the sweep model in every channel shows
 *     the sweep; a large smooth region where at least half of the pixels do seeds the flood
 * @param propChroma a large smooth region accepted as surface whose mean colour departs at least
 *     this much from a pure gain of the sweep's colour (relative, per channel) is a coloured prop;
 *     a region enclosed by the piece with the same gain and colour is that prop too (the other
 *     side of an acrylic block behind a bail)
 * @param propGainMatch largest difference of mean gain (relative to the sweep) between the two
 * @param blendRadius work px: how far a background region may bridge across a prop's silhouette
 * @param blendTolerance levels: a silhouette pixel is a blend when each channel lies within the
 *     range of the smooth colours around it, widened by this much
 * @param silhouetteGap work px: background regions closer than 2·gap+1 are joined across the
 *     thin line between them (a prop's rim, lint), which polished metal is rarely that thin
 * @param minComponentFraction jewelry pieces smaller than this fraction of the largest piece are
 *     dust, lint or hair
 * @param pocketRadius work px: half-side of the window in which a background pixel's surroundings
 *     are counted (see {@code pocketShare})
 * @param pocketShare a background pixel that does not show the sweep and whose window is at least
 *     this share jewelry lies in a pocket the piece encloses (a diamond's rim facets that the flood
 *     reached through the thin girdle line) and is kept with the piece; 1 disables
 * @param sweepPocketShare a background pixel that shows the sweep, is connected to the background at
 *     the frame and whose window is at least this share jewelry is kept with the piece too (rim
 *     facets that mirror the sweep; a ring's interior is not connected to the frame); 1 disables
 * @param localBackgroundRadius work px: window of the local background estimate next to the edge
 * @param edgeBand work px: half-width of the band around the coarse outline that is re-decided
 *     at full resolution
 * @param edgePeakShare on the band, a pixel whose deviation from the local background reaches this
 *     share of the largest deviation nearby (a highlight, brighter than typical metal) is fully
 *     jewelry; alpha is linear below it
 * @param noiseSigmas a full-resolution pixel within this many noise sigmas of the local
 *     background is background (in the edge band, σ is the pixel's whole noise: measured over
 *     {@link ClassicalSegmenter#EDGE_NOISE_LAG} px)
 * @param flatSigmas full resolution: a pixel is flat when the mean |Laplacian| of the 3×3 mean
 *     luminance stays below this many noise sigmas (noise alone gives about 0.7σ, a ramp 0, metal
 *     and facets far more)
 * @param pocketSigmas full resolution: a flat pixel whose 3×3 mean is within this many sigmas of
 *     that mean (σ/3) of the local background in every channel (and within {@code sweepTolerance}
 *     of the sweep model) shows the sweep; wider than the noise alone because the local background
 *     is a smooth estimate from outside the piece
 * @param thinRadius work px: a part of the coarse jewelry that no square of this radius fits into
 *     (the morphological opening removes it) is thin, like a chain; an enclosed region that shows
 *     the sweep is a hole only there, never in a wide part such as a stone, whose facets can mirror
 *     the sweep
 * @param minPocketArea full-resolution pixels: a connected region that shows the sweep inside the
 *     coarse jewelry is background (a link's hole) when it has at least this many pixels; fewer can
 *     be a chance match on metal
 * @param pieceRadius work px: the largest piece (radius of the largest disk inside it) the radii
 *     above are measured for. Facets grow with the piece, and a close-up's rim facets become as
 *     wide and smooth as the sweep around them; a piece larger than this at the frame's reduction
 *     is segmented on a more reduced work image ({@link ClassicalSegmenter#workScale})
 */
public record SegmentConfig(
    int workLongSide,
    int sweepDegree,
    double smoothLaplacian,
    double neutralChroma,
    int largeSmoothRadius,
    int surfaceRadius,
    double sweepTolerance,
    double propChroma,
    double propGainMatch,
    int blendRadius,
    double blendTolerance,
    int silhouetteGap,
    double minComponentFraction,
    int pocketRadius,
    double pocketShare,
    double sweepPocketShare,
    int localBackgroundRadius,
    int edgeBand,
    double edgePeakShare,
    double noiseSigmas,
    double flatSigmas,
    double pocketSigmas,
    int thinRadius,
    int minPocketArea,
    int pieceRadius) {

  public SegmentConfig {
    require(workLongSide >= 64, "workLongSide must be ≥ 64, got " + workLongSide);
    require(sweepDegree >= 0 && sweepDegree <= 6, "sweepDegree must be in 0..6, got " + sweepDegree);
    require(smoothLaplacian > 0, "smoothLaplacian must be > 0, got " + smoothLaplacian);
    require(neutralChroma > 0, "neutralChroma must be > 0, got " + neutralChroma);
    require(largeSmoothRadius >= 1, "largeSmoothRadius must be ≥ 1, got " + largeSmoothRadius);
    require(surfaceRadius >= largeSmoothRadius, "surfaceRadius must be ≥ largeSmoothRadius, got " + surfaceRadius);
    require(sweepTolerance > 0, "sweepTolerance must be > 0, got " + sweepTolerance);
    require(propChroma > 0, "propChroma must be > 0, got " + propChroma);
    require(propGainMatch >= 0, "propGainMatch must be ≥ 0, got " + propGainMatch);
    require(blendRadius >= 0, "blendRadius must be ≥ 0, got " + blendRadius);
    require(blendTolerance >= 0, "blendTolerance must be ≥ 0, got " + blendTolerance);
    require(silhouetteGap >= 0, "silhouetteGap must be ≥ 0, got " + silhouetteGap);
    require(minComponentFraction >= 0 && minComponentFraction < 1,
        "minComponentFraction must be in [0,1), got " + minComponentFraction);
    require(pocketRadius >= 1, "pocketRadius must be ≥ 1, got " + pocketRadius);
    require(pocketShare > 0 && pocketShare <= 1, "pocketShare must be in (0,1], got " + pocketShare);
    require(sweepPocketShare > 0 && sweepPocketShare <= 1,
        "sweepPocketShare must be in (0,1], got " + sweepPocketShare);
    require(localBackgroundRadius >= 1, "localBackgroundRadius must be ≥ 1, got " + localBackgroundRadius);
    require(edgeBand >= 0, "edgeBand must be ≥ 0, got " + edgeBand);
    require(edgePeakShare > 0 && edgePeakShare <= 1, "edgePeakShare must be in (0,1], got " + edgePeakShare);
    require(noiseSigmas >= 0, "noiseSigmas must be ≥ 0, got " + noiseSigmas);
    require(flatSigmas >= 0, "flatSigmas must be ≥ 0, got " + flatSigmas);
    require(pocketSigmas >= 0, "pocketSigmas must be ≥ 0, got " + pocketSigmas);
    require(thinRadius >= 1, "thinRadius must be ≥ 1, got " + thinRadius);
    require(minPocketArea >= 1, "minPocketArea must be ≥ 1, got " + minPocketArea);
    require(pieceRadius >= 1, "pieceRadius must be ≥ 1, got " + pieceRadius);
  }

  /** The defaults, measured on the dev scenes (white and grey sweeps, 1600×1200). */
  public static SegmentConfig defaults() {
    return new SegmentConfig(800, 4, 3.0, 8.0, 4, 10, 6.0, 0.005, 0.03, 2, 3.0, 1, 0.02, 12, 0.5, 0.6, 6, 1, 0.5, 5.0, 2.0, 7.0, 8, 6, 70);
  }

  /**
   * These parameters for a frame whose work image is shorter than {@link #workLongSide} (a shot
   * under 800 px, which is not enlarged): everything in it is that much smaller,
   * so the square a surface must hold ({@link #surfaceRadius}) shrinks with it, its side scaled
   * and rounded to the nearest odd width. At 600 px the unscaled square was wider than dev01's
   * putty and dev02's acrylic block, which the flood then left to the piece (IoU 0.897 and 0.712).
   * Not for a close-up, which is reduced further because its piece is large: there the facets are
   * as wide in work pixels as the design's.
   *
   * @param longSide the work image's long side
   */
  public SegmentConfig forFrameWorkImage(int longSide) {
    double scale = Math.min(1.0, longSide / (double) workLongSide);
    int surface = Math.max(largeSmoothRadius, (int) Math.round(((2 * surfaceRadius + 1) * scale - 1) / 2));
    return surface == surfaceRadius ? this : withSurfaceRadius(surface);
  }

  /** A copy with {@link #surfaceRadius} replaced (validated as any config). */
  public SegmentConfig withSurfaceRadius(int value) {
    return new SegmentConfig(workLongSide, sweepDegree, smoothLaplacian, neutralChroma, largeSmoothRadius, value,
        sweepTolerance, propChroma, propGainMatch, blendRadius, blendTolerance, silhouetteGap, minComponentFraction,
        pocketRadius, pocketShare, sweepPocketShare, localBackgroundRadius, edgeBand, edgePeakShare, noiseSigmas,
        flatSigmas, pocketSigmas, thinRadius, minPocketArea, pieceRadius);
  }

  /**
   * The reduction for a shot of this size, in full-resolution px per work px (the frame's; see
   * {@link ClassicalSegmenter#workScale}): its long side / {@link #workLongSide}, at least 1.
   */
  public double frameScale(int width, int height) {
    return Math.max(1.0, Math.max(width, height) / (double) workLongSide);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
