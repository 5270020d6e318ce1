// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import loupe.engine.Progress;
import loupe.engine.alg.defects.DefectConfig;
import loupe.engine.alg.defects.MarginRelease;
import loupe.engine.alg.mask.BorderType;
import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.props.PropConfig;
import loupe.engine.alg.props.PropDetector;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.alg.segment.ProductSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.recipe.ModelUse;
import loupe.engine.recipe.ProtectedLayer;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeOptions;
import loupe.engine.recipe.RecipeRunner;
import loupe.models.ModelException;
import loupe.models.ModelInfo;
import loupe.models.segment.IsNetSegmenter;
import loupe.psd.PsdDocument;
import loupe.server.UserError;
import loupe.server.export.ExportOptions;

/**
 * Chooses and builds the product mask (65535 = jewelry) for a job: {@code layer}, {@code auto}, or a
 * mask saved in the document, {@code path[:NAME]} or {@code channel:NAME} (read by {@link
 * SavedMasks}) (docs/recipes.md). The layer source is the protected layer's coverage —
 * transparency × user mask × vector mask × opacity — so "fully jewelry" means "fully covered by the
 * protected layer", where nothing beneath it can show through.
 */
public final class ProductMasks {
  /** The segmentation model plain {@code auto} uses when it is installed. */
  static final String DEFAULT_MODEL = "isnet";
  private final ProductSegmenter segmenter;
  private final Function<String, Optional<IsNetSegmenter>> models;
  private final Function<String, Optional<String>> damaged;

  /**
   * A job's product mask, the models that produced it (empty unless {@code auto:MODEL}) and notes
   * for the job's report.
   *
   * @param mask what a job protects: for {@code auto}, the estimate with its safety margin
   * @param selection what the source selects, as Select Subject would: for {@code auto}, the
   *     segmenter's soft estimate itself; otherwise the same image as {@code mask}
   * @param props for {@code auto}, the props {@link PropDetector} found beside the estimate; null
   *     for the other sources, or when none was found
   * @param specks for {@code auto}, the dust and hair beside the protection that
   *     {@link MarginRelease} handed on, for the recipe to inpaint; null for the other sources
   */
  public record ProductMask(GrayU16 mask, GrayU16 selection, GrayU16 props, GrayU16 specks, long propPixelsKept,
      List<ModelUse> models, List<String> notes) {
    public ProductMask {
      models = List.copyOf(models);
      notes = List.copyOf(notes);
    }

    public ProductMask(GrayU16 mask) {
      this(mask, mask, null, null, 0, List.of(), List.of());
    }

    /**
     * The props a job removes when it is given none ({@link RecipeRunner#removesProps}): those
     * found beside an automatic estimate. The recipe would otherwise look for them beside the
     * protection, and a prop whose only link to the rest of it runs through the margin (dev01's
     * putty below the band) would count as the product's own contact shadow there. Null: the recipe
     * finds its own, or none.
     */
    public GrayU16 propsFor(Recipe recipe, RecipeOptions opt) {
      return RecipeRunner.removesProps(recipe, opt) ? props : null;
    }

    /**
     * The notes for a job: these notes, then what becomes of the props found beside an automatic
     * estimate — how many a job that removes props found, and how many the safety margin kept as
     * shot; or, for a job that leaves props, that it does.
     *
     * @param propsGiven whether the job was given a prop mask (it then removes those instead)
     */
    public List<String> notesFor(Recipe recipe, RecipeOptions opt, boolean propsGiven) {
      List<String> all = new ArrayList<>(notes);
      if (propsGiven || RecipeRunner.removesProps(recipe, opt)) {
        if (propPixelsKept > 0) {
          all.add(String.format(Locale.ROOT, "automatic mask: %,d px of a prop beside the piece lie in its safety "
              + "margin and were left as shot; with the piece on its own layer, or a path, Loupe works up to its edge",
              propPixelsKept));
        }
        if (!propsGiven && props != null) {
          all.add(String.format(Locale.ROOT, "%,d prop pixels found automatically", MaskOps.selectedPixels(props)));
        }
      } else if (props != null) {
        all.add(String.format(Locale.ROOT, "%,d px of props found beside the piece are left as shot: %s removes props "
            + "when given them (--props, or the panel's selection) or with a clean or white background; Quick finds "
            + "and removes them", MaskOps.selectedPixels(props), recipe.title));
      }
      return all;
    }
  }

  /**
   * An automatic mask's protection, how many pixels of a prop beside the estimate it keeps fully
   * protected (the estimate's core over props; none where no prop was found), the props, and the
   * specks its margin released (null before {@link MarginRelease}).
   */
  record Protection(GrayU16 mask, long propPixelsKept, GrayU16 props, GrayU16 specks) {}

  /** The model-free segmenter for {@code auto}; installed models (ISNet) for {@code auto:isnet}. */
  public ProductMasks() {
    this(new ClassicalSegmenter(), InstalledModels::segmenter, InstalledModels::damaged);
  }

  /**
   * @param segmenter what {@code auto} uses
   * @param models finds an installed segmentation model by id for {@code auto:ID}
   */
  public ProductMasks(ProductSegmenter segmenter, Function<String, Optional<IsNetSegmenter>> models) {
    this(segmenter, models, id -> Optional.empty());
  }

  /**
   * @param damaged what is wrong with an installed model that fails verification, by id (plain
   *     {@code auto} then falls back to the classical segmenter and the job's notes say why)
   */
  public ProductMasks(ProductSegmenter segmenter, Function<String, Optional<IsNetSegmenter>> models,
      Function<String, Optional<String>> damaged) {
    this.segmenter = segmenter;
    this.models = models;
    this.damaged = damaged;
  }

  /**
   * @param source the requested source, or null for {@code defaultSource}
   * @param image the flattened document (what auto segmentation looks at). Not modified.
   * @param shape the protected layer's transparency and masks, or null for a flat document
   * @param opacity the protected layer's opacity 0..255
   * @param doc the document, for a mask saved in it ({@code path}, {@code channel}: {@link
   *     SavedMasks}); null for panel jobs and flat files
   * @param file the file or document, for messages
   */
  public ProductMask productMask(String source, String defaultSource, Planar image, LayerShape shape, int opacity,
      PsdDocument doc, String file, Progress progress) {
    String s = source == null || source.isBlank() ? defaultSource : source.trim();
    String kind = kindOf(s);
    String name = s.contains(":") ? s.substring(s.indexOf(':') + 1) : null;
    progress.report("product mask (" + kind + ")", 0.05);
    return switch (kind) {
      case "layer" -> new ProductMask(fromLayer(shape, opacity, image.width, image.height));
      case "auto" -> automatic(name, image, progress);
      case "path", "channel" -> new ProductMask(SavedMasks.of(doc, file, "product mask", s));
      default -> throw new UserError("unknown product-mask source '" + s
          + "' (use layer, auto, auto:isnet, path[:NAME], channel:NAME)");
    };
  }

  /**
   * Where the product mask comes from when the request does not say: the protected layer when there
   * is one; else the document's clipping path, the retoucher's own Pen outline (Photoshop's resource
   * 2999 names it); else automatic segmentation. The outline Loupe traced into a flat copy is an
   * estimate without its safety margin: a job on that copy segments again, with the margin.
   *
   * @param doc the document, or null for a flat picture without metadata
   */
  public static String defaultSource(PsdDocument doc, boolean protectedLayer) {
    boolean penPath = doc != null && doc.clippingPath() != null
        && !ExportOptions.OUTLINE_PATH.equals(doc.clippingPathName());
    return protectedLayer ? "layer" : penPath ? "path" : "auto";
  }

  /** The source's kind, lower case: "path" of "path:Outline". */
  public static String kindOf(String source) {
    return (source.contains(":") ? source.substring(0, source.indexOf(':')) : source).toLowerCase(Locale.ROOT);
  }

  /**
   * A job must protect something and leave something to work on: with no fully jewelry pixel the
   * guard would vouch for nothing, and a report of "0 changed" would mislead; with every pixel
   * fully jewelry (an opaque copy of the background taken for the jewelry layer) nothing could be
   * retouched, and a file that looks done would be the input again.
   *
   * @param where the file, or the panel's document, for the message
   * @param source the mask's source as requested (layer, auto, path:NAME, selection…)
   * @throws UserError (422: the file cannot be worked on as asked) if no pixel of {@code mask} is 65535,
   *     or every pixel is
   */
  /**
   * Refuses a protected layer opaque over the whole frame (a copy of the shot, or the Background,
   * taken for the jewelry layer): Loupe's layers go beneath it, so whatever mask protects the
   * jewelry nothing done would show, and the output would be the input marked done.
   *
   * @param name the layer's name, or null when unknown (the panel's)
   */
  static void requireBackgroundCanShow(ProtectedLayer layer, int width, int height, String where, String name) {
    Rect canvas = Rect.ofSize(width, height);
    if (!layer.bounds().intersect(canvas).equals(canvas)) {
      return; // the usual cut-out: its bounds leave part of the frame uncovered, no plane needed
    }
    GrayU16 coverage = layer.documentCoverage(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (coverage.get(x, y) != 65535) {
          return;
        }
      }
    }
    throw new UserError(422, where + ": the protected layer" + (name == null ? "" : " '" + name + "'") + " is opaque "
        + "over the whole frame, so nothing Loupe puts beneath it could show (a copy of the shot, or the Background?): "
        + "protect the jewelry's own layer, whose transparency or layer mask leaves the background out, or retouch a "
        + "flattened copy, where the picture becomes the locked layer 'Original' and an automatic or saved mask "
        + "protects the jewelry");
  }

  static void requireJewelryAndBackground(GrayU16 mask, String where, String source) {
    boolean jewelry = false;
    boolean background = false;
    for (int y = 0; y < mask.height && !(jewelry && background); y++) {
      for (int x = 0; x < mask.width; x++) {
        boolean full = mask.get(x, y) == 65535;
        jewelry |= full;
        background |= !full;
      }
    }
    String kind = kindOf(source);
    if (!jewelry) {
      String why = switch (kind) {
        case "layer" -> "the protected layer covers no pixel fully: check its transparency and layer mask";
        case "auto" -> "the automatic mask found no jewelry";
        case "selection" -> "the selection selects no pixel fully";
        case "channel" -> "no pixel of the channel is fully selected: a feathered selection protects nothing bit-exact";
        default -> "it encloses no whole pixel";
      };
      throw new UserError(422, where + ": the product mask (" + source + ") marks no pixel as fully jewelry, so "
          + "nothing could be kept bit-exact (" + why + ")");
    }
    if (!background) {
      String why = switch (kind) {
        case "auto" -> "the automatic mask found no background, or the safety margin kept around what it found (at "
            + "least " + AutoMargins.DESIGN.margin() + " px) covers the whole frame, as on a picture this small";
        case "selection" -> "the selection selects the whole document";
        default -> "it selects the whole document";
      };
      throw new UserError(422, where + ": the product mask (" + source + ") marks every pixel as fully jewelry, so "
          + "there is no background to retouch (" + why + ")");
    }
  }

  /**
   * {@code auto:classical} is the model-free segmenter and {@code auto:MODEL} that model (refused
   * when it is not installed). Plain {@code auto} takes the installed segmentation model when there
   * is one — it plugs in as the automatic source, and on every dev scene it scores above the
   * classical segmenter (docs/models-notes.md) — and the classical segmenter otherwise.
   */
  private ProductMask automatic(String model, Planar image, Progress progress) {
    boolean named = model != null && !model.isEmpty();
    Optional<IsNetSegmenter> m = named && model.equals("classical") ? Optional.empty()
        : models.apply(named ? model : DEFAULT_MODEL);
    if (m.isEmpty() && named && !model.equals("classical")) {
      throw InstalledModels.unusable(model);
    }
    if (m.isEmpty()) {
      return classical(image, progress, named ? Optional.empty() : damaged.apply(DEFAULT_MODEL));
    }
    try {
      return byModel(m.get(), named, image, progress);
    } catch (ModelException e) {
      // The file passed the lookup and failed when opened or run (changed meanwhile, or a run error):
      // the set-up's fault, said by the model (a 500, not the client's file), unless auto may do without it.
      if (named) {
        throw e;
      }
      return classical(image, progress, Optional.of(e.getMessage()));
    }
  }

  /** The model-free segmenter's mask; {@code unusable}: why the installed model could not be used, for the notes. */
  private ProductMask classical(Planar image, Progress progress, Optional<String> unusable) {
    GrayU16 estimate = segmenter.segment(image, progress);
    Protection p = protection(image, estimate, AutoMargins.forEstimate(estimate), progress);
    List<String> notes = unusable.map(why -> List.of("automatic mask by the model-free segmenter: the installed "
        + DEFAULT_MODEL + " model cannot be used (" + why + ")")).orElse(List.of());
    return new ProductMask(p.mask(), estimate, p.props(), p.specks(), p.propPixelsKept(), List.of(), notes);
  }

  private ProductMask byModel(IsNetSegmenter model, boolean named, Planar image, Progress progress) {
    GrayU16 estimate = model.segment(image, progress);
    Protection p = protection(image, estimate, AutoMargins.forEstimate(estimate), progress);
    ModelInfo info = model.modelInfo();
    List<String> notes = new ArrayList<>();
    if (!named) {
      notes.add("automatic mask by the installed " + info.id() + " model (" + info.variant()
          + "); auto:classical chooses the model-free segmenter");
    }
    return new ProductMask(p.mask(), estimate, p.props(), p.specks(), p.propPixelsKept(),
        List.of(new ModelUse(info.id(), info.variant(), info.sha256(), ModelUse.PRODUCT_MASK)), notes);
  }

  /**
   * An automatic mask is an estimate, so protection gets a margin: everything within {@link
   * AutoMargins#margin()} px of the estimate is fully protected, with a soft edge beyond it. The price is a
   * thin ring of background near the piece that is left as shot; the alternative would be risking
   * jewelry pixels where the estimate falls short. The soft edge is a feathered wider expansion
   * added to the hard one: feathering alone would pull full protection in by most of the Gaussian's
   * reach (it reached only 9 px of the 16 until this was found).
   */
  static GrayU16 withMargin(GrayU16 estimate, AutoMargins m) {
    GrayU16 soft = MaskOps.feather(MaskOps.expand(estimate, m.margin() + 2 * m.softness(), null), m.softness(),
        BorderType.EXTEND, null);
    return MaskOps.add(soft, MaskOps.expand(estimate, m.margin(), null), null);
  }

  /**
   * The margin, except over props ({@link #releaseProps}), and except around dust and hair that a
   * ring of plain background separates from everything else ({@link MarginRelease}): those cannot
   * be missed jewelry, and are left to the recipes' speck inpainting, with the strong hairs beside
   * the protection that are not released. Props go first: a hair handed on may lie beside a prop
   * the protection has already released.
   *
   * @param image the flattened document. Not modified.
   * @param estimate the automatic estimate. Not modified.
   */
  static Protection protection(Planar image, GrayU16 estimate, AutoMargins m, Progress progress) {
    Protection p = releaseProps(image, estimate, withMargin(estimate, m), m, progress);
    GrayU16 specks = MarginRelease.release(image, estimate, p.mask(), m.releaseRadius(), p.mask(),
        DefectConfig.forFrame(image.width, image.height)).specks();
    return new Protection(p.mask(), fullyProtected(p.props(), p.mask()), p.props(), specks);
  }

  /**
   * Where {@link PropDetector} finds a prop beside the estimate (putty, a block, a stand, their
   * shadows: large matte regions that continue away from the piece), the margin shrinks to the
   * estimate's core ({@link AutoMargins#propClosing()}, {@link AutoMargins#propCore()}), so that the recipes can
   * remove the prop up to the piece. Elsewhere the full margin stays: on the plain sweep a missed
   * mirror facet looks like background and nothing else marks it. Protection is only lowered, never
   * below the core, and never where no prop was found. (A coloured backdrop is not a prop: the
   * detector measures colour against the frame's median, so a backdrop filling most of it finds none.)
   *
   * @param image the flattened document. Not modified.
   * @param estimate the automatic estimate. Not modified.
   * @param protection the margin. Modified.
   * @return {@code protection}, and the prop pixels it keeps fully protected
   */
  static Protection releaseProps(Planar image, GrayU16 estimate, GrayU16 protection, AutoMargins m,
      Progress progress) {
    GrayU16 props;
    try {
      props = PropDetector.detect(image, estimate, PropConfig.DEFAULT, progress);
    } catch (IllegalArgumentException e) {
      return new Protection(protection, 0, null, null); // too little background to fit the sweep: no prop can be told apart
    }
    GrayU16 closed = MaskOps.contract(MaskOps.expand(estimate, m.propClosing(), null), m.propClosing(), null);
    GrayU16 core = MaskOps.expand(closed, m.propCore(), null);
    long found = 0;
    for (int y = 0; y < protection.height; y++) {
      for (int x = 0; x < protection.width; x++) {
        int prop = props.get(x, y);
        if (prop != 0) {
          found++;
          int margin = protection.get(x, y);
          long kept = (long) margin * (65535 - prop) / 65535;
          protection.set(x, y, (int) Math.min(margin, Math.max(kept, core.get(x, y))));
        }
      }
    }
    return found == 0 ? new Protection(protection, 0, null, null)
        : new Protection(protection, fullyProtected(props, protection), props, null);
  }

  /** Prop pixels the protection keeps fully; 0 without props. */
  private static long fullyProtected(GrayU16 props, GrayU16 protection) {
    long kept = 0;
    for (int y = 0; props != null && y < protection.height; y++) {
      for (int x = 0; x < protection.width; x++) {
        kept += props.get(x, y) != 0 && protection.get(x, y) == 65535 ? 1 : 0;
      }
    }
    return kept;
  }

  /** Transparency × user mask × vector mask × opacity: exactly where the protected layer covers the canvas fully. */
  private static GrayU16 fromLayer(LayerShape shape, int opacity, int width, int height) {
    if (shape == null) {
      throw new UserError("the product mask source 'layer' needs a protected layer; this document has none "
          + "(use the source auto, path or channel:NAME: --mask on the command line, productMask over HTTP)");
    }
    GrayU16 mask = LayerMaskSource.productMask(shape, width, height, null);
    return opacity == 255 ? mask : MaskOps.intersect(mask, GrayU16.filled(width, height, opacity * 257), mask);
  }
}
