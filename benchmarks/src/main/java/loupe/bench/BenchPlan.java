// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loupe.bench.ops.CleanBackgroundWorkload;
import loupe.bench.ops.DetectionWorkload;
import loupe.bench.ops.DenoiseWorkload;
import loupe.bench.ops.InpaintWorkload;
import loupe.bench.ops.LumaMaskWorkload;
import loupe.bench.ops.PathRasterWorkload;
import loupe.bench.ops.SegmentWorkload;
import loupe.bench.psd.PsdWorkload;
import loupe.bench.recipes.RecipeWorkload;
import loupe.bench.run.Workload;
import loupe.bench.server.PanelRoundTripWorkload;
import loupe.engine.image.BitDepth;
import loupe.engine.recipe.Recipe;

/**
 * The workloads of a run, in order (a PSD read follows its write). Only ops that exist on this
 * branch are registered; ISNet rows only when the model is installed. The quick set keeps one of
 * each kind: 16-bit PSD only, the 4-mask set, one scene (cropped), the Pro recipe only, no ISNet.
 */
public final class BenchPlan {
  private BenchPlan() {}

  public static List<Workload> workloads(BenchConfig cfg) {
    List<Workload> w = new ArrayList<>();
    Recipe[] recipes = cfg.quick() ? new Recipe[] {Recipe.PRO} : Recipe.values();
    for (int depth : cfg.quick() ? new int[] {16} : new int[] {8, 16}) {
      for (PsdWorkload.Kind kind : PsdWorkload.Kind.values()) {
        w.add(new PsdWorkload(kind, depth, cfg));
      }
    }
    if (!cfg.quick()) {
      w.add(new LumaMaskWorkload(1, cfg));
    }
    w.add(new LumaMaskWorkload(4, cfg));
    w.add(new PathRasterWorkload(cfg));
    if (!cfg.quick()) {
      // The size-bound rows: the first scene blown up to 24 MP, at both depths.
      Path first = cfg.scenes().get(0);
      for (BitDepth depth : BitDepth.values()) {
        w.add(new DenoiseWorkload(cfg, first, depth));
        w.add(new InpaintWorkload(InpaintWorkload.Kind.SPECKS, cfg, first, depth));
        w.add(new InpaintWorkload(InpaintWorkload.Kind.PROP, cfg, first, depth));
        w.add(new SegmentWorkload(SegmentWorkload.Segmenter.CLASSICAL, cfg, first, depth));
      }
      w.add(new DetectionWorkload(DetectionWorkload.Kind.DEFECTS, cfg, first, BitDepth.SIXTEEN));
      w.add(new DetectionWorkload(DetectionWorkload.Kind.PROPS, cfg, first, BitDepth.SIXTEEN));
      w.add(RecipeWorkload.onLargeScene(Recipe.QUICK.id(), cfg, first));
      if (cfg.isnet()) {
        w.add(new SegmentWorkload(SegmentWorkload.Segmenter.ISNET, cfg, first, BitDepth.SIXTEEN));
      }
    }
    for (Path scene : cfg.scenes()) {
      w.add(new DenoiseWorkload(cfg, scene, null));
      w.add(new InpaintWorkload(InpaintWorkload.Kind.SPECKS, cfg, scene, null));
      w.add(new InpaintWorkload(InpaintWorkload.Kind.PROP, cfg, scene, null));
      w.add(new DetectionWorkload(DetectionWorkload.Kind.DEFECTS, cfg, scene, null));
      w.add(new DetectionWorkload(DetectionWorkload.Kind.PROPS, cfg, scene, null));
      w.add(new CleanBackgroundWorkload(cfg, scene));
      w.add(new SegmentWorkload(SegmentWorkload.Segmenter.CLASSICAL, cfg, scene, null));
      if (cfg.isnet() && !cfg.quick()) {
        w.add(new SegmentWorkload(SegmentWorkload.Segmenter.ISNET, cfg, scene, null));
      }
      for (Recipe recipe : recipes) {
        w.add(RecipeWorkload.onScene(recipe.id(), cfg, scene));
      }
    }
    w.add(new PanelRoundTripWorkload(cfg));
    for (Recipe recipe : recipes) {
      w.add(RecipeWorkload.onLayeredPsd(recipe.id(), cfg));
    }
    return w;
  }

  /** The workloads whose id contains one of {@code filters} (all when there is none). */
  public static List<Workload> select(List<Workload> all, List<String> filters) {
    if (filters == null || filters.isEmpty()) {
      return all;
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : all) {
      if (filters.stream().anyMatch(f -> w.id().contains(f))) {
        out.add(w);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--only " + String.join(",", filters) + " matches no workload (see --list)");
    }
    return out;
  }
}
