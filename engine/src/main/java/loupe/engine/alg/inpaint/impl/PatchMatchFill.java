// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.alg.inpaint.InpaintConfig;

/**
 * Exemplar fill of large holes: coarse-to-fine PatchMatch completion as in Barnes et al.,
 * "PatchMatch" (SIGGRAPH 2009, §3.2 and §4), after Wexler, Shechtman, Irani (TPAMI 2007). At each
 * pyramid level, from the coarsest, alternate a PatchMatch search of the nearest-neighbour field and
 * a patch vote; the field is upsampled to seed the next finer level. The coarsest hole starts as a
 * membrane fill. At full resolution the last vote rebuilds the smooth part only and copies the grain
 * of each pixel's best source match, so the fill keeps the background's noise. With no search
 * iteration at full resolution, the upsampled field is voted directly: at 24 MP the structure is
 * settled at the coarser levels, and the full-resolution search is the most expensive step.
 */
final class PatchMatchFill {
  private static final int MIN_SOURCES = 16;

  private PatchMatchFill() {}

  /**
   * Fills the HOLE pixels of {@code crop}. Returns false, leaving the crop unchanged, when no patch
   * of the crop is made only of SOURCE pixels.
   *
   * @param crop Modified: samples at HOLE pixels (and, as scratch, at the guard's pixels, which are never read).
   */
  static boolean fill(CropImage crop, int holeExtent, InpaintConfig cfg, long seed, Progress progress) {
    List<CropImage> levels = new ArrayList<>();
    List<PatchField> fields = new ArrayList<>();
    levels.add(crop);
    fields.add(new PatchField(crop, cfg.patchSize()));
    if (!fields.get(0).hasSources()) {
      return false;
    }
    int extent = holeExtent;
    while (extent > cfg.coarsestHoleExtent()) {
      CropImage last = levels.get(levels.size() - 1);
      if (Math.min(last.width, last.height) / 2 < 2 * cfg.patchSize() + 1) {
        break;
      }
      CropImage coarser = Pyramid.half(last);
      PatchField field = new PatchField(coarser, cfg.patchSize());
      if (field.validList.length < MIN_SOURCES || field.targets.length == 0) {
        break;
      }
      levels.add(coarser);
      fields.add(field);
      extent = (extent + 1) / 2;
    }
    int coarsest = levels.size() - 1;
    MembraneFill.fill(levels.get(coarsest), levels.get(coarsest).v, cfg.membraneIterations());
    fields.get(coarsest).randomise(new SplittableRandom(Seeds.mix(seed, coarsest, -1)));
    for (int k = coarsest; k >= 0; k--) {
      CropImage level = levels.get(k);
      PatchField field = fields.get(k);
      if (k < coarsest) {
        Pyramid.initialiseHoleFromCoarser(level, levels.get(k + 1));
        field.upsample(fields.get(k + 1), new SplittableRandom(Seeds.mix(seed, k, -1)));
      }
      int iterations = emIterations(k, coarsest, cfg);
      int searchRadius = k == coarsest ? Math.max(level.width, level.height) : cfg.refineSearchRadius();
      for (int em = 0; em < iterations; em++) {
        progress.checkCancelled();
        field.refreshCosts();
        for (int pm = 0; pm < cfg.patchMatchIterations(); pm++) {
          field.sweep(pm, searchRadius, Seeds.mix(seed, k, em, pm), progress);
        }
        if (k > 0 || em < iterations - 1) {
          PatchVote.vote(field, level.v, level.v, null);
        }
      }
      if (k == 0) {
        if (iterations == 0) {
          field.refreshCosts(); // the vote weights need the upsampled field's costs
        }
        finalVote(field, cfg);
      }
      progress.report("inpaint.patchmatch", (coarsest - k + 1.0) / (coarsest + 1.0));
    }
    return true;
  }

  private static void finalVote(PatchField field, InpaintConfig cfg) {
    CropImage crop = field.level;
    if (!cfg.reinjectTexture()) {
      PatchVote.vote(field, crop.v, crop.v, null);
      return;
    }
    float[] smooth = TextureSplit.smooth(crop, cfg.textureSigma());
    float[] grain = TextureSplit.grain(crop, smooth);
    PatchVote.vote(field, smooth, crop.v, grain);
  }

  /**
   * Linear from the coarse count at the coarsest level to the fine count at full resolution; a
   * single-level pyramid is its own coarsest level. Every level but full resolution gets at least
   * one.
   */
  static int emIterations(int level, int coarsest, InpaintConfig cfg) {
    if (coarsest == 0) {
      return cfg.emIterationsCoarse();
    }
    double t = (double) level / coarsest;
    int n = (int) Math.round(cfg.emIterationsFine() + t * (cfg.emIterationsCoarse() - cfg.emIterationsFine()));
    return level == 0 ? n : Math.max(1, n);
  }
}
