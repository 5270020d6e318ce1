// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loupe.engine.Progress;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.Compositor;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.recipe.ModelInpainter;
import loupe.engine.recipe.OutputLayer;
import loupe.engine.recipe.Placement;
import loupe.engine.recipe.ProtectedLayer;
import loupe.engine.recipe.RecipeRunner;
import loupe.engine.recipe.RetouchInput;
import loupe.engine.recipe.RetouchResult;
import loupe.psd.ColorMode;
import loupe.psd.LayerMask;
import loupe.psd.LayerNode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.server.UserError;

/**
 * Runs a recipe on a PSD/PSB document in memory: finds the protected layer, flattens what lies
 * beneath it, builds the product mask, runs the engine, and adds the result layers (grouped,
 * directly beneath or above the protected layer) and locks the protected layer. A document
 * without a protected layer is treated as a photograph: its picture becomes a locked layer named
 * "Original" on top of its layers ({@link #originalLayer}).
 */
public final class DocumentRetouch {
  /**
   * Photoshop's "lock all" is bit 31 of lspf; the transparency, composite and position bits are set
   * as well because some readers (ag-psd among them) ignore bit 31.
   */
  static final int PROTECTED_LOCKS =
      PsdLayer.LOCK_ALL | PsdLayer.LOCK_TRANSPARENCY | PsdLayer.LOCK_COMPOSITE | PsdLayer.LOCK_POSITION;

  private DocumentRetouch() {}

  /**
   * The retouched document and what the written file is checked against: the protected layer's
   * digests and the input's picture, both taken before anything changed.
   *
   * @param productMask the job's product mask, except that jewelry pixels a heal layer changes on
   *     request are 65534: still jewelry (for an outline), but no longer kept bit-exact
   */
  /**
   * @param productMask what the written file must keep exact
   * @param outline what the product mask selects (for {@code auto} the estimate, not its margin)
   */
  public record Outcome(PsdDocument document, RetouchResult result, PsdLayer protectedLayer,
      Map<Integer, String> protectedDigest, WrittenFileCheck.Picture picture, GrayU16 productMask, GrayU16 outline) {}

  /**
   * @param doc Modified: the result layers are added and the protected layer locked
   * @param inpainters the installed inpainting models, for the request's {@code inpainter}
   */
  public static Outcome run(PsdDocument doc, String file, RetouchRequest request, ProductMasks masks,
      ModelInpainter.Source inpainters, Progress progress) {
    int bands = colorBands(doc, file);
    BitDepth depth = BitDepth.of(doc.depth());
    Rect canvas = Rect.ofSize(doc.width(), doc.height());
    PsdLayer jewelry = ProtectedLayerRule.find(doc, request.protectLayer(), file);
    WrittenFileCheck.Picture picture = WrittenFileCheck.picture(doc);
    GrayU16 heal = request.healSource() == null ? null : SavedMasks.of(doc, file, "heal", request.healSource());
    GrayU16 givenProps = request.propSource() == null ? null : SavedMasks.of(doc, file, "props", request.propSource());
    RetouchInput input;
    ProductMasks.ProductMask product;
    List<String> unrendered = List.of();
    Map<Integer, String> digest;
    if (jewelry != null) {
      ProtectedLayerCheck.requireOpaqueNormal(doc, jewelry, file);
      digest = WrittenFileCheck.digest(jewelry);
      progress.report("reading layers", 0.02);
      ProtectedLayer prot = new ProtectedLayer(PsdPixels.color(jewelry, bands), PsdPixels.alpha(jewelry),
          PsdPixels.masksAtLayer(jewelry, doc.width(), doc.height()), PsdPixels.bounds(jewelry), jewelry.opacity());
      ProductMasks.requireBackgroundCanShow(prot, doc.width(), doc.height(), file, jewelry.name());
      LayersBeneath under = LayersBeneath.of(doc, jewelry, bands);
      unrendered = under.unrendered();
      Planar beneath = Compositor.flatten(white(bands, canvas), under.layers());
      Planar documentImage = Compositor.flatten(beneath, List.of(prot.asComposite()));
      product = masks.productMask(request.maskSource(), "layer", documentImage,
          PsdPixels.shape(jewelry, doc.width(), doc.height()), jewelry.opacity(), doc, file, progress);
      input = new RetouchInput(beneath, depth, product.mask(), prot, heal,
          givenProps != null ? givenProps : product.propsFor(request.recipe(), request.options()), product.specks());
    } else {
      if (doc.composite().isEmpty()) {
        throw new UserError(file + ": the document has no composite image and no protected layer to work from");
      }
      if (picture.channels() == null && !doc.compositeIsReal()) {
        // Its composite is Photoshop's white placeholder: taken as the picture, the whole shot would become white.
        throw new UserError(file + ": saved with Maximize Compatibility off, so it holds no flat picture, and Loupe "
            + "cannot make one from its layers (" + picture.unrendered() + "); save it again with Maximize "
            + "Compatibility on (Preferences › File Handling)"
            + (doc.layers().isEmpty() ? "" : ", or name the jewelry layer (--protect NAME, HTTP: protectLayer)"));
      }
      picture = WrittenFileCheck.photograph(doc, picture);
      jewelry = originalLayer(doc, picture.channels() != null ? picture.channels() : doc.composite());
      digest = WrittenFileCheck.digest(jewelry);
      Planar image = PsdPixels.color(jewelry, bands);
      product = masks.productMask(request.maskSource(), ProductMasks.defaultSource(doc, false), image, null, 255, doc,
          file, progress);
      input = new RetouchInput(image, depth, product.mask(), null, heal,
          givenProps != null ? givenProps : product.propsFor(request.recipe(), request.options()), product.specks());
    }
    String source = request.maskSource() != null ? request.maskSource()
        : ProductMasks.defaultSource(doc, input.jewelry() != null);
    ProductMasks.requireJewelryAndBackground(input.productMask(), file, source);
    List<String> notes = new ArrayList<>();
    notes.add(input.jewelry() == null
        ? "no protected layer: the picture became the locked layer 'Original'; the jewelry in it is protected by the "
            + source + " mask"
        : "protected layer: '" + jewelry.name() + "' (locked; choose another with --protect NAME, HTTP: protectLayer)");
    if (input.jewelry() != null) {
      ProtectedLayerCheck.densityNote(jewelry).ifPresent(notes::add);
    }
    if (SavedMasks.isSaved(source)) {
      notes.add(SavedMasks.note(doc, source));
    }
    if (!unrendered.isEmpty()) {
      notes.add("not rendered into the new background, which covers them: " + String.join(", ", unrendered)
          + "; move them above Loupe's group, or hide the group to compare");
    }
    notes.addAll(product.notesFor(request.recipe(), request.options(), givenProps != null));
    if (givenProps != null) {
      notes.add(givenPropNote(request.propSource(), givenProps));
    }
    RetouchResult result = RecipeRunner.run(request.recipe(), input, request.options(), inpainters, progress)
        .withBefore(product.models(), notes);
    addLayers(doc, jewelry, result, doc.depth());
    doc.lockLayer(jewelry, PROTECTED_LOCKS | jewelry.lockFlags());
    if (ProductMasks.kindOf(source).equals("auto")) {
      result = result.withNote(SavedMasks.saveAutomatic(doc, product));
    }
    Optional<String> saved = SavedMasks.saveProtections(doc, result.protections());
    if (saved.isPresent()) {
      result = result.withNote(saved.get());
    }
    return new Outcome(doc, result, jewelry, digest, picture, keptExact(input, result), product.selection());
  }

  /**
   * The note of a job given its props (they replace any found automatically): how many prop pixels
   * were given.
   *
   * @param source where they came from (channel:NAME, path:NAME, the panel's selection)
   */
  static String givenPropNote(String source, GrayU16 props) {
    // Said before the fill runs, so it claims no outcome: a selection over the whole frame leaves nothing to sample.
    return String.format(Locale.ROOT, "%,d prop pixels given (%s) are to be removed, filled from the background "
        + "around them; those within the guard band around the jewelry are left as shot", MaskOps.selectedPixels(props),
        source);
  }

  /**
   * The product mask with the pixels a heal layer changed (fully jewelry and painted, counted by the
   * guard as healed) lowered to 65534: the written file shows them healed, not as shot.
   */
  private static GrayU16 keptExact(RetouchInput input, RetouchResult result) {
    if (result.fidelity().healedPixels() == 0) {
      return input.productMask();
    }
    GrayU16 kept = input.productMask().copy();
    GrayU16 heal = input.healArea();
    for (int y = 0; y < kept.height; y++) {
      for (int x = 0; x < kept.width; x++) {
        if (kept.get(x, y) == 65535 && heal.get(x, y) > 0) {
          kept.set(x, y, 65534);
        }
      }
    }
    return kept;
  }

  static int colorBands(PsdDocument doc, String file) {
    // The mode first: a Bitmap document is 1-bit by nature, and its mode is what to convert.
    if (doc.colorMode() != ColorMode.RGB && doc.colorMode() != ColorMode.GRAYSCALE) {
      throw new UserError(file + ": unsupported colour mode " + doc.colorMode()
          + "; Loupe retouches RGB and Grayscale documents (convert a copy in Photoshop first)");
    }
    if (doc.depth() != 8 && doc.depth() != 16) {
      throw new UserError(file + ": " + doc.depth() + "-bit documents are not supported for retouching (8 or 16 bit)");
    }
    return doc.colorMode() == ColorMode.RGB ? 3 : 1;
  }

  private static Planar white(int bands, Rect canvas) {
    Planar p = Planar.create(bands, canvas.width(), canvas.height());
    for (GrayU16 b : p.bands) {
      b.fill(65535);
    }
    return p;
  }

  /**
   * A document without a protected layer is a photograph: its picture becomes the layer "Original"
   * (a retouch locks it) on top of any layers it has, so that what Loupe adds above it shows.
   *
   * @param picture the colour channels of the picture: the saved composite when it is current,
   *     else recomputed from the visible layers when psd-io renders them ({@link
   *     WrittenFileCheck#photograph}: the saved composite can be stale, or a blank placeholder when
   *     "Maximize compatibility" was off), else the saved composite
   */
  public static PsdLayer originalLayer(PsdDocument doc, List<PsdChannel> picture) {
    int bands = doc.colorMode().colorChannels();
    byte[][] color = new byte[bands][];
    for (int c = 0; c < bands; c++) {
      color[c] = picture.get(c).decoded();
    }
    PsdLayer original = PsdLayer.newPixelLayer("Original", 0, 0, doc.width(), doc.height(), doc.depth(), color, null);
    doc.addLayer(doc.layers().size(), original);
    return original;
  }

  private static void addLayers(PsdDocument doc, PsdLayer jewelry, RetouchResult result, int depth) {
    // Layers clipped to the jewelry (a Curves on the piece) must stay clipped to it: a group put
    // between them joins the clipping stack, as Photoshop does with a layer created there.
    boolean clippedStack = clippedAbove(doc, jewelry);
    for (Placement placement : Placement.values()) {
      Map<String, List<PsdLayer>> groups = new LinkedHashMap<>();
      for (OutputLayer out : result.layers()) {
        if (out.placement() == placement) {
          groups.computeIfAbsent(out.group(), g -> new ArrayList<>()).add(toPsd(out, depth));
        }
      }
      for (Map.Entry<String, List<PsdLayer>> g : groups.entrySet()) {
        List<PsdLayer> topToBottom = new ArrayList<>(g.getValue());
        Collections.reverse(topToBottom);
        PsdLayer group = placement == Placement.BELOW ? doc.insertGroupBelow(jewelry, g.getKey(), topToBottom)
            : doc.insertGroupAbove(jewelry, g.getKey(), topToBottom);
        group.setClipping(placement == Placement.ABOVE && clippedStack);
        // A group of hidden layers is written as a hidden group of visible layers: one click turns it on.
        if (topToBottom.stream().noneMatch(PsdLayer::visible)) {
          topToBottom.forEach(l -> l.setVisible(true));
          group.setVisible(false);
        }
      }
    }
  }

  /** Whether the layer or group right above {@code layer} in its group (or at the top level) is clipped to it. */
  private static boolean clippedAbove(PsdDocument doc, PsdLayer layer) {
    List<LayerNode> path = LayerNode.pathTo(doc.layerTree(), layer);
    if (path.isEmpty()) {
      return false;
    }
    List<LayerNode> siblings = path.size() > 1 ? path.get(path.size() - 2).children() : doc.layerTree();
    int at = siblings.indexOf(path.get(path.size() - 1));
    return at > 0 && siblings.get(at - 1).layer().clipping(); // children run top to bottom
  }

  /** An engine layer as a new PSD layer (pixels, transparency, user mask, blend, opacity, visibility). */
  static PsdLayer toPsd(OutputLayer out, int depth) {
    Rect b = out.bounds();
    int bands = out.pixels().numBands();
    byte[][] color = new byte[bands][];
    for (int c = 0; c < bands; c++) {
      color[c] = PsdPixels.encode(out.pixels().bands[c], depth);
    }
    byte[] alpha = out.alpha() == null ? null : PsdPixels.encode(out.alpha(), depth);
    PsdLayer layer = PsdLayer.newPixelLayer(out.name(), b.top(), b.left(), b.width(), b.height(), depth, color, alpha);
    if (out.mask() != null) {
      layer.setUserMask(LayerMask.of(b.top(), b.left(), b.bottom(), b.right(), 0),
          PsdPixels.encode(out.mask(), depth), depth);
    }
    layer.setBlendMode(out.blend().psdKey);
    layer.setOpacity(out.opacity());
    layer.setVisible(out.visible());
    return layer;
  }
}
