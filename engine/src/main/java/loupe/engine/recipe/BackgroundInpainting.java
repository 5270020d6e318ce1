// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.Progress;
import loupe.engine.alg.inpaint.BackgroundInpainter;
import loupe.engine.alg.inpaint.InpaintConfig;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The recipes' background inpainting step: dust and hair always with the engine's own inpainting;
 * props with the inpainter the user chose ({@link RecipeOptions#inpainter()}). A model runs once
 * per hole crop, so it is kept for the few large holes where it is better than patch synthesis.
 */
final class BackgroundInpainting {
  private BackgroundInpainting() {}

  /**
   * The inpainting model for {@code opt}, or null for the classical inpainter.
   *
   * @throws IllegalArgumentException if the chosen model is not installed
   */
  static ModelInpainter choose(RecipeOptions opt, ModelInpainter.Source models) {
    if (opt.inpainter().equals(RecipeOptions.CLASSICAL)) {
      return null;
    }
    return models.find(opt.inpainter()).orElseThrow(() -> new IllegalArgumentException("inpainter '"
        + opt.inpainter() + "' is not installed: run `loupe models add " + opt.inpainter() + " <file.onnx>`"));
  }

  /**
   * @param image the shot's background. Not modified.
   * @param hole every pixel to fill (defects and props). Not modified.
   * @param props the props (their pixels within {@code near} are not filled), or null. Not modified.
   * @param near the product and its guard band. Not modified.
   * @param allowed where fills may sample: outside the guard band and outside every hole. Not modified.
   * @param model the props' inpainter, or null for the classical one
   * @return a new image; pixels outside {@code hole} are copied bit-exactly
   */
  static Planar fill(Planar image, GrayU16 hole, GrayU16 props, GrayU16 near, GrayU16 allowed, ModelInpainter model,
      Progress progress) {
    BackgroundInpainter classical = BackgroundInpainter.classical(InpaintConfig.defaults());
    if (model == null || props == null) {
      return classical.inpaint(image, hole, allowed, progress);
    }
    GrayU16 propHole = MaskOps.subtract(props, near, null);
    Planar cleaned = classical.inpaint(image, MaskOps.subtract(hole, propHole, null), allowed, progress);
    progress.checkCancelled();
    return model.inpainter().inpaint(cleaned, propHole, allowed, progress);
  }
}
