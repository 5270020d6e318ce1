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
 *     interpolated)
 * @param patchMatchIterations propagation + random-search sweeps per search-and-vote iteration
 * @param refineSearchRadius random-search radius at the levels finer than the coarsest (the
 *     coarsest searches its whole level; finer levels only refine the upsampled field, and distant
 *     candidates there cost cache misses for little gain)
 * @param membraneIterations cap on successive-over-relaxation sweeps of the membrane fill
 * @param textureSigma Gaussian sigma splitting the background into a smooth part (interpolated or
 *     voted) and a residual (the grain, copied from real source pixels so a fill is not plastic)
 * @param reinjectTexture whether the residual grain is copied into fills
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
    long seed) {

  public InpaintConfig {
    require(patchSize >= 3 && patchSize <= 31 && patchSize % 2 == 1, "patchSize must be odd in 3..31", patchSize);
    require(smallHoleWidth >= 0, "smallHoleWidth must be >= 0", smallHoleWidth);
    require(sourceGuard >= 0 && sourceGuard <= 64, "sourceGuard must be in 0..64", sourceGuard);
    require(contextFactor >= 0 && contextFactor <= 4, "contextFactor must be in 0..4", contextFactor);
    require(minContext >= patchSize && minContext <= maxContext, "minContext must be in patchSize..maxContext", minContext);
    require(coarsestHoleExtent >= patchSize, "coarsestHoleExtent must be >= patchSize", coarsestHoleExtent);
    require(emIterationsCoarse >= 1 && emIterationsCoarse <= 100, "emIterationsCoarse must be in 1..100", emIterationsCoarse);
    require(emIterationsFine >= 1 && emIterationsFine <= 100, "emIterationsFine must be in 1..100", emIterationsFine);
    require(patchMatchIterations >= 1 && patchMatchIterations <= 32, "patchMatchIterations must be in 1..32", patchMatchIterations);
    require(refineSearchRadius >= 1, "refineSearchRadius must be >= 1", refineSearchRadius);
    require(membraneIterations >= 0 && membraneIterations <= 100_000, "membraneIterations must be in 0..100000", membraneIterations);
    require(textureSigma > 0 && textureSigma <= 16, "textureSigma must be in (0, 16]", textureSigma);
  }

  /** Defaults tuned on the dev scenes (studio sweeps at 1600×1200 and 24 MP). */
  public static InpaintConfig defaults() {
    return new InpaintConfig(7, 12.0, 1, 0.5, 32, 384, 16, 8, 1, 2, 32, 400, 1.5, true, 0x5EEDL);
  }

  public InpaintConfig withPatchSize(int value) {
    return new InpaintConfig(value, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius, membraneIterations,
        textureSigma, reinjectTexture, seed);
  }

  public InpaintConfig withSmallHoleWidth(double value) {
    return new InpaintConfig(patchSize, value, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius, membraneIterations,
        textureSigma, reinjectTexture, seed);
  }

  public InpaintConfig withSourceGuard(int value) {
    return new InpaintConfig(patchSize, smallHoleWidth, value, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius, membraneIterations,
        textureSigma, reinjectTexture, seed);
  }

  public InpaintConfig withReinjectTexture(boolean value) {
    return new InpaintConfig(patchSize, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius, membraneIterations,
        textureSigma, value, seed);
  }

  public InpaintConfig withSeed(long value) {
    return new InpaintConfig(patchSize, smallHoleWidth, sourceGuard, contextFactor, minContext, maxContext,
        coarsestHoleExtent, emIterationsCoarse, emIterationsFine, patchMatchIterations, refineSearchRadius, membraneIterations,
        textureSigma, reinjectTexture, value);
  }

  /** PatchMatch context margin for a hole group whose larger side is {@code extent}. */
  public int contextFor(int extent) {
    return (int) Math.max(minContext, Math.min(maxContext, Math.round(contextFactor * extent)));
  }

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("InpaintConfig: " + message + ", got " + value);
    }
  }
}
