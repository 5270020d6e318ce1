// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.Progress;
import loupe.engine.alg.denoise.DenoiseConfig;
import loupe.engine.alg.denoise.DenoiseOps;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The recipes as pipelines of engine ops (docs/recipes.md). Every op works on the background or
 * on new layers; the result passes {@link FidelityGuard} before it is returned.
 */
public final class RecipeRunner {
  private RecipeRunner() {}

  /**
   * @param in the job's pixels and masks. Not modified.
   * @return the layers to add, with the guard's report
   * @throws FidelityViolationException if the result would change a protected pixel
   */
  public static RetouchResult run(Recipe recipe, RetouchInput in, RecipeOptions opt, Progress progress) {
    List<String> notes = new ArrayList<>();
    List<OutputLayer> layers = new ArrayList<>();
    String group = "Loupe " + recipe.title;
    GrayU16 protect = recipe == Recipe.EDITORIAL ? LuminosityProtection.widen(in, opt) : in.productMask();

    Planar background = in.image().copy();
    if (opt.denoise() > 0) {
      progress.report("denoising the background", 0.6);
      background = DenoiseOps.denoiseBackground(background, protect,
          DenoiseConfig.DEFAULT.withStrength(opt.denoise()), progress);
      notes.add("background denoised at strength " + opt.denoise());
    }
    layers.add(backgroundLayer(in, protect, background,
        "Loupe background — " + (opt.denoise() > 0 ? "denoised" : "copy"), group));
    if (recipe != Recipe.QUICK && opt.fsRadius() > 0) {
      progress.report("frequency separation", 0.8);
      layers.addAll(FrequencySeparationLayers.of(in, opt.fsRadius()));
    }
    progress.report("checking fidelity", 0.9);
    for (OutputLayer l : layers) {
      for (GrayU16 band : l.pixels().bands) {
        in.depth().quantize(band);
      }
    }
    FidelityReport report = FidelityGuard.check(in, layers);
    return new RetouchResult(recipe, layers, report, notes);
  }

  /**
   * The cleaned background as a layer: directly beneath the protected layer when there is one;
   * above a flat original otherwise, masked by the background weight (65535 − protection) so it is
   * zero over the jewelry.
   */
  private static OutputLayer backgroundLayer(RetouchInput in, GrayU16 protect, Planar pixels, String name,
      String group) {
    Rect canvas = Rect.ofSize(in.width(), in.height());
    if (in.jewelry() != null) {
      return new OutputLayer(name, pixels, null, null, canvas, BlendMode.NORMAL, 255, true, Placement.BELOW, group);
    }
    GrayU16 weight = MaskOps.invert(protect, null);
    return new OutputLayer(name, pixels, null, weight, canvas, BlendMode.NORMAL, 255, true, Placement.ABOVE, group);
  }
}
