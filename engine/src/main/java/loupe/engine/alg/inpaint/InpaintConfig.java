// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

/**
 * Parameters of {@link InpaintOps#inpaint}. Sizes are in pixels of the image being filled.
 *
 * @param patchSize side of the square patches compared by PatchMatch (odd, 3..31; the paper's
 *     examples use 7)
 * @param smallHoleWidth hole components whose width estimate {@code 4·area / boundaryEdges} is at
 *     most this are filled by the fast membrane method; wider ones by PatchMatch
 * @param sourceGuard allowed source pixels within this many pixels (8-connected steps) of the hole
 *     are not sampled, so a defect's faint halo is not copied into its own fill
 * @param contextFactor PatchMatch context margin around a hole group, as a fraction of the group's
 *     larger side, clamped to [minContext, maxContext]
 * @param minContext smallest PatchMatch context margin
 * @param maxContext largest PatchMatch context margin (cost grows with the hole, not the image)
 * @param coarsestHoleExtent the pyramid gets coarser until the hole group's larger side is at most
 *     this many pixels
 * @param emIterationsCoarse search-and-vote iterations at the coarsest pyramid level
 * @param emIterationsFine search-and-vote iterations at full resolution (levels in between are
 *     interpolated); 0 votes the field upsampled from the next level without searching again
 * @param patchMatchIterations propagation + random-search sweeps per search-and-vote iteration
 * @param refineSearchRadius random-search radius at the levels finer than the coarsest (the
 *     coarsest searches its whole level; finer levels only refine the upsampled field, and distant
 *     candidates there cost cache misses for little gain)
 * @param membraneIterations cap on successive-over-relaxation sweeps of the membrane fill
 * @param textureSigma Gaussian sigma splitting the background into a smooth part (interpolated or
 *     voted) and a residual (the grain, copied from real source pixels so a fill is not plastic)
 * @param reinjectTexture whether the residual grain is copied into fills
 * @param widenForPatches when a hole's crop holds too few whole source patches for PatchMatch, widen
 *     the crop until it does (the background: a sweep is alike far away); otherwise fall back to the
 *     membrane in the crop (healing: a thin wire or prong holds no whole patch, and metal far away is
 *     another part of the piece, perhaps a stone)
 * @param matchTone shift each patch fill's tone onto the pixels kept around it, as a healing brush
 *     does (healing: patches from elsewhere on a piece carry that place's brightness); off for the
 *     background, where the pixels around a prop's hole hold its shadow
 * @param seed seed of every random choice; the same inputs and seed give the same output
 */
public record InpaintConfig(
    int patchSize,
    double smallHoleWidth,
    int sourceGuard,
    double contextFactor,
    int minContext,
    int maxContext,
    int coarsestHoleExtent,
    int emIterationsCoarse,
    int emIterationsFine,
    int patchMatchIterations,
    int refineSearchRadius,
    int membraneIterations,
    double textureSigma,
    boolean reinjectTexture,
    boolean widenForPatches,
    boolean matchTone,
    long seed) {

  public InpaintConfig {
    require(patchSize % 2 == 1, "patchSize must be odd", patchSize);
    range("patchSize", patchSize, 3, 31);
    range("smallHoleWidth", smallHoleWidth, 0, 1e6);
    range("sourceGuard", sourceGuard, 0, 64);
    range("contextFactor", contextFactor, 0, 4);
    range("minContext", minContext, patchSize, maxContext);
    range("coarsestHoleExtent", coarsestHoleExtent, patchSize, 1e6);
    range("emIterationsCoarse", emIterationsCoarse, 1, 100);
    range("emIterationsFine", emIterationsFine, 0, 100);
    range("patchMatchIterations", patchMatchIterations, 1, 32);
    range("refineSearchRadius", refineSearchRadius, 1, 1e6);
    range("membraneIterations", membraneIterations, 0, 100_000);
    require(textureSigma > 0 && textureSigma <= 16, "textureSigma must be in (0, 16]", textureSigma);
  }

  /**
   * Defaults tuned on the dev scenes (studio sweeps at 1600×1200 and 24 MP). The 3 px source guard
   * keeps a speck's faint halo out of the membrane's edge values (docs/benchmarks.md).
   */
  public static InpaintConfig defaults() {
    return new InpaintConfig(7, 12.0, 3, 0.5, 32, 384, 16, 8, 0, 2, 32, 400, 1.5, true, true, false, 0x5EEDL);
  }

  public InpaintConfig withPatchSize(int value) {
    return new InpaintConfig(value, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, reinjectTexture, widenForPatches, matchTone, seed);
  }

  public InpaintConfig withSmallHoleWidth(double value) {
    return new InpaintConfig(patchSize, value, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, reinjectTexture, widenForPatches, matchTone, seed);
  }

  public InpaintConfig withSourceGuard(int value) {
    return new InpaintConfig(patchSize, smallHoleWidth, value, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, reinjectTexture, widenForPatches, matchTone, seed);
  }

  public InpaintConfig withReinjectTexture(boolean value) {
    return new InpaintConfig(patchSize, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, value, widenForPatches, matchTone, seed);
  }

  public InpaintConfig withWidenForPatches(boolean value) {
    return new InpaintConfig(patchSize, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, reinjectTexture, value, matchTone, seed);
  }

  public InpaintConfig withMatchTone(boolean value) {
    return new InpaintConfig(patchSize, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius,
        membraneIterations, textureSigma, reinjectTexture, widenForPatches, value, seed);
  }

  /** PatchMatch context margin for a hole group whose larger side is {@code extent}. */
  public int contextFor(int extent) {
    return (int) Math.max(minContext, Math.min(maxContext, Math.round(contextFactor * extent)));
  }

  private static void range(String name, double value, double lo, double hi) {
    require(value >= lo && value <= hi, name + " must be in " + fmt(lo) + ".." + fmt(hi), fmt(value));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("InpaintConfig: " + message + ", got " + value);
    }
  }
}
