// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.background.BackgroundFill;
import loupe.engine.alg.background.CleanBackground;
import loupe.engine.alg.background.CleanBackgroundOps;
import loupe.engine.alg.background.SweepConfig;
import loupe.engine.alg.defects.DefectConfig;
import loupe.engine.alg.defects.DefectDetector;
import loupe.engine.alg.denoise.DenoiseConfig;
import loupe.engine.alg.denoise.DenoiseOps;
import loupe.engine.alg.inpaint.InpaintOps;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.props.PropConfig;
import loupe.engine.alg.props.PropDetector;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The recipes as pipelines of engine ops (docs/recipes.md). Every op works on the background or
 * on new layers; the result passes {@link FidelityGuard} before it is returned.
 */
public final class RecipeRunner {
  private RecipeRunner() {}

  /**
   * Whether a job looks for props and removes them when it is given none: Quick always, the other
   * recipes when they replace the background (a prop left in place would become part of the contact
   * shadow).
   */
  public static boolean removesProps(Recipe recipe, RecipeOptions opt) {
    return recipe == Recipe.QUICK || opt.background() != BackgroundMode.KEEP;
  }

  /**
   * @param in the job's pixels and masks. Not modified.
   * @return the layers to add, with the guard's report
   * @throws FidelityViolationException if the result would change a protected pixel
   */
  public static RetouchResult run(Recipe recipe, RetouchInput in, RecipeOptions opt, Progress progress) {
    return run(recipe, in, opt, ModelInpainter.Source.NONE, progress);
  }

  /**
   * @param in the job's pixels and masks. Not modified.
   * @param models the installed inpainting models, for {@link RecipeOptions#inpainter()}
   * @return the layers to add, with the guard's report and the models used
   * @throws FidelityViolationException if the result would change a protected pixel
   * @throws IllegalArgumentException if the chosen inpainter is not installed
   */
  public static RetouchResult run(Recipe recipe, RetouchInput in, RecipeOptions opt, ModelInpainter.Source models,
      Progress progress) {
    ModelInpainter model = BackgroundInpainting.choose(opt, models);
    List<ModelUse> used = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<OutputLayer> layers = new ArrayList<>();
    LayerPlacer place = new LayerPlacer(in, "Loupe " + recipe.title);
    LuminosityProtection.Widened widened = recipe == Recipe.EDITORIAL ? LuminosityProtection.widen(in, opt)
        : new LuminosityProtection.Widened(in.productMask(), Map.of());
    GrayU16 protect = widened.protection();
    // Nothing within the guard band of anything that is even partly jewelry is inpainted or sampled.
    GrayU16 near = MaskOps.expand(protect, opt.guardBand(), null);

    progress.report("finding dust, hair and lint", 0.15);
    GrayU16 hole = DefectDetector.detect(in.image(), near,
        DefectConfig.forFrame(in.image().width, in.image().height));
    if (in.defectMask() != null) {
      hole = MaskOps.add(hole, MaskOps.subtract(in.defectMask(), near, null), null);
    }
    long defects = MaskOps.selectedPixels(hole);
    // A replaced background must not keep a prop inside its contact shadow, so every recipe looks for
    // props then; over the kept background only Quick removes props it was not given.
    GrayU16 props = in.propMask() != null ? in.propMask()
        : removesProps(recipe, opt) ? findProps(in, protect, notes, progress) : null;
    if (props != null) {
      hole = MaskOps.add(hole, MaskOps.subtract(props, near, null), null);
    }
    progress.checkCancelled();
    progress.report("inpainting the background", 0.3);
    GrayU16 allowed = MaskOps.invert(MaskOps.add(near, hole, null), null);
    Planar background;
    if (MaskOps.selectedPixels(hole) > 0 && !InpaintOps.hasSource(hole, allowed)) {
      // A small frame the protection all but fills (its margin scales with the piece): a fill
      // would have to sample jewelry or the guard band, so the holes stay as shot.
      background = in.image().copy();
      notes.add(String.format(Locale.ROOT, "%,d defect pixels%s left as shot: the protection and its %d px guard band "
          + "cover the rest of the frame, so there is nothing to sample a fill from", MaskOps.selectedPixels(hole),
          props != null ? " and props" : "", opt.guardBand()));
    } else {
      background = BackgroundInpainting.fill(in.image(), hole, props, near, allowed, model, progress);
      if (model != null && props != null) {
        used.add(model.use(ModelUse.PROP_INPAINTING));
        notes.add("props inpainted with the " + model.id() + " model");
      }
      notes.add(String.format(Locale.ROOT,
          "%,d defect pixels%s inpainted, sampling only the background outside a %d px guard band", defects,
          props != null ? " and the props" : "", opt.guardBand()));
    }
    progress.checkCancelled();
    if (opt.background() == BackgroundMode.KEEP) {
      if (opt.denoise() > 0) {
        progress.report("denoising the background", 0.6);
        background = DenoiseOps.denoiseBackground(background, protect,
            DenoiseConfig.DEFAULT.withStrength(opt.denoise()), progress);
        notes.add("background denoised at strength " + opt.denoise());
      }
      layers.add(place.background("Loupe background — " + (opt.denoise() > 0 ? "cleaned, denoised" : "cleaned"),
          background, protect));
    } else {
      if (opt.denoise() > 0) {
        notes.add("not denoised: the background was replaced (denoise strength " + opt.denoise() + " ignored)");
      }
      progress.report("fitting a clean sweep", 0.6);
      BackgroundFill fill = opt.background() == BackgroundMode.WHITE ? BackgroundFill.WHITE : BackgroundFill.SWEEP;
      // The props' rim inside the guard band is not a hole, but still a prop: not a contact shadow.
      CleanBackground clean = CleanBackgroundOps.sweep(background, protect,
          props == null ? hole : MaskOps.add(hole, props, null),
          SweepConfig.DEFAULT.withFill(fill), progress);
      layers.add(place.background(fill == BackgroundFill.WHITE ? "Loupe background — pure white"
          : "Loupe background — clean sweep", clean.background(), protect));
      layers.add(place.masked("Loupe contact shadow (Multiply)", clean.shadowLayer(), clean.shadowMask(), protect,
          BlendMode.MULTIPLY));
      notes.add((fill == BackgroundFill.WHITE ? "background replaced by #FFFFFF" : "background replaced by a sweep fitted to "
          + "the shot") + "; contact shadow kept as a Multiply layer" + (in.jewelry() != null ? ""
          // Over a flat shot the new background lies over the original under a layer mask (65535 − P).
          : "; both cover the whole frame under layer masks: paint the masks to extend them over whatever the "
              + "protection left as shot"));
    }
    boolean heals = recipe == Recipe.EDITORIAL && in.healMask() != null && in.jewelry() != null;
    // What a heal layer covers, and so what the guard exempts: painted pixels the jewelry layer covers fully.
    GrayU16 healArea = heals ? in.healArea() : null;
    long healable = healArea == null ? 0 : MaskOps.selectedPixels(healArea);
    RetouchInput healing = in.withHealMask(healable > 0 ? healArea : null);
    GrayU16 leftAsShot = healable > 0 ? MaskOps.subtract(MaskOps.fully(in.productMask(), null), healArea, null) : null;
    if (leftAsShot != null && MaskOps.selectedPixels(leftAsShot) == 0) {
      // Off-canvas pixels of a larger layer can still be sampled; a result with nothing protected is not one.
      throw new UnsuitableInputException("the heal area covers every jewelry pixel on the canvas: none would be left "
          + "as shot for Loupe to protect; paint only the flaws");
    }
    if (healable > 0) {
      progress.report("healing where you painted", 0.75);
      layers.add(HealLayer.of(healing, progress));
      notes.add("healed the painted areas from the jewelry layer's own pixels");
    }
    if (heals) {
      long onPiece = MaskOps.selectedPixels(MaskOps.intersect(in.healMask(),
          in.jewelry().documentCoverage(in.width(), in.height()), null));
      if (onPiece == 0) {
        notes.add("the painted heal area lies off the piece, so nothing was healed: healing fills flaws on the jewelry "
            + "layer; paint over them");
      } else if (onPiece > healable) {
        notes.add(String.format(Locale.ROOT, "%,d painted pixels on the piece's anti-aliased edge, or where its layer is "
            + "partly transparent, were left as shot: healing works where the jewelry layer covers fully", onPiece - healable));
      }
    } else if (in.healMask() != null) {
      notes.add("the painted heal areas were left as shot: healing is part of the Editorial recipe, on a jewelry layer");
    }
    if (recipe == Recipe.QUICK && opt.fsRadius() > 0) {
      notes.add("Quick makes no frequency-separation layers; fsRadius " + opt.fsRadius() + " ignored");
    } else if (opt.fsRadius() > 0) {
      progress.report("frequency separation", 0.8);
      layers.addAll(FrequencySeparationLayers.of(in, opt.fsRadius(), List.copyOf(layers)));
    }
    progress.report("checking fidelity", 0.9);
    for (OutputLayer l : layers) {
      for (GrayU16 band : l.pixels().bands) {
        in.depth().quantize(band);
      }
    }
    // Painted pixels are exempt from the guard only where a heal layer was made for them.
    FidelityReport report = FidelityGuard.check(healing, layers);
    boolean generated = defects > 0 || props != null || opt.background() != BackgroundMode.KEEP;
    return new RetouchResult(recipe, layers, report, notes, generated, used, widened.masks());
  }

  /** Props (putty, stands, blocks) and their shadows found without a given mask; none found → null. */
  private static GrayU16 findProps(RetouchInput in, GrayU16 protect, List<String> notes, Progress progress) {
    progress.report("finding props", 0.2);
    try {
      GrayU16 props = PropDetector.detect(in.image(), protect, PropConfig.DEFAULT, progress);
      long n = MaskOps.selectedPixels(props);
      if (n > 0) {
        notes.add(String.format("%,d prop pixels found automatically", n));
      }
      return n > 0 ? props : null;
    } catch (IllegalArgumentException e) {
      notes.add("props not searched: " + e.getMessage());
      return null;
    }
  }
}
