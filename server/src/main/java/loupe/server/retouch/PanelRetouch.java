// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import loupe.engine.Progress;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.composite.Compositor;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.recipe.ModelInpainter;
import loupe.engine.recipe.OutputLayer;
import loupe.engine.recipe.ProtectedLayer;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeRunner;
import loupe.engine.recipe.RetouchInput;
import loupe.engine.recipe.RetouchResult;
import loupe.server.UserError;
import loupe.server.jobs.JobOutput;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.protocol.PixelCodec;

/**
 * Panel jobs: raw buffers from Photoshop in, result layers out at the document's depth, range and
 * exact integer bounds (docs/protocol.md).
 */
public final class PanelRetouch {
  private static final Set<String> ROLES = Set.of("jewelry", "jewelryMask", "background", "selection", "heal",
      "props");
  /** The options of docs/protocol.md; a misspelt one would otherwise be dropped and the default used. */
  private static final List<String> OPTIONS = List.of("background", "denoise", "fsRadius", "protectHighlights",
      "protectShadows", "productMask", "inpainter");
  private final ProductMasks masks;
  private final ModelInpainter.Source inpainters;
  private final ObjectMapper json = new ObjectMapper();

  public PanelRetouch(ProductMasks masks, ModelInpainter.Source inpainters) {
    this.masks = masks;
    this.inpainters = inpainters;
  }

  /**
   * Checks everything in the header a job could not run with, before a byte of the body is read or
   * any memory reserved for it: a request that could not run is refused (400), not costed.
   */
  public PanelRequest.Checked check(PanelJobHeader header, long maxPixels) {
    header.requireBuffersInDocument();
    var doc = header.document();
    if ((long) doc.width() * doc.height() > maxPixels) {
      throw new UserError(413, "document " + doc.width() + "×" + doc.height() + " is outside 1.." + maxPixels + " pixels");
    }
    if (doc.bitDepth() != 8 && doc.bitDepth() != 16) {
      throw new UserError("document bitDepth " + doc.bitDepth() + " is not supported (8 or 16; convert 32-bit documents first)");
    }
    if (!"RGB".equals(doc.mode()) && !"Grayscale".equals(doc.mode())) {
      throw new UserError((doc.mode() == null ? "the document names no colour mode" : "unsupported colour mode '"
          + doc.mode() + "'") + "; Loupe retouches RGB and Grayscale documents");
    }
    Map<String, Object> o = header.options() == null ? Map.of() : header.options();
    for (String option : o.keySet()) {
      if (!OPTIONS.contains(option)) {
        throw new UserError("unknown option '" + option + "' for a panel job (known: " + String.join(", ", OPTIONS)
            + ")");
      }
    }
    RetouchRequest request = RetouchRequest.of(header.recipe(), str(o, "background"), num(o, "denoise"),
        num(o, "fsRadius"), bool(o, "protectHighlights"), bool(o, "protectShadows"), null, str(o, "productMask"))
        .withInpainter(str(o, "inpainter")).forPanel();
    Map<String, BufferDescriptor> byRole = new LinkedHashMap<>();
    for (BufferDescriptor d : header.buffers()) {
      if (d.role() == null) {
        throw new UserError("every buffer needs a 'role' (one of " + ROLES + ")");
      }
      if (!ROLES.contains(d.role())) {
        throw new UserError("unknown buffer role '" + d.role() + "' (known: " + ROLES + ")");
      }
      if (byRole.containsKey(d.role())) {
        throw new UserError("two buffers have the role '" + d.role() + "'; send each role at most once");
      }
      d.validate(maxPixels);
      if (d.bitDepth() != doc.bitDepth()) {
        throw new UserError("buffer '" + d.role() + "' is " + d.bitDepth() + "-bit but the document is " + doc.bitDepth() + "-bit");
      }
      byRole.put(d.role(), d);
    }
    requireShapes(byRole, doc, request.maskSource());
    return new PanelRequest.Checked(request, doc, List.copyOf(byRole.values()));
  }

  /** Reads every buffer of a checked header; nothing is allocated before its size was checked. */
  public PanelRequest read(PanelRequest.Checked checked, InputStream body) throws IOException {
    Map<String, PanelRequest.Buffer> buffers = new LinkedHashMap<>();
    for (BufferDescriptor d : checked.buffers()) {
      buffers.put(d.role(), new PanelRequest.Buffer(d, PixelCodec.decode(d, Frame.readBuffer(body, d))));
    }
    if (body.read() >= 0) {
      throw new UserError("body has bytes after the last buffer: the header's byteLength values do not add up");
    }
    return new PanelRequest(checked.request(), checked.document(), buffers);
  }

  /**
   * What each role must be for the document, checked before any buffer is read, so a job that
   * could not run is refused rather than accepted and failed.
   */
  private static void requireShapes(Map<String, BufferDescriptor> byRole, PanelJobHeader.DocumentInfo doc,
      String maskSource) {
    int bands = bands(doc);
    BufferDescriptor jewel = byRole.get("jewelry");
    if (jewel == null) {
      throw new UserError("a 'jewelry' buffer (the protected layer's pixels) is required");
    }
    if (jewel.components() != bands && jewel.components() != bands + 1) {
      throw new UserError("buffer 'jewelry' has " + jewel.components() + " components; a " + doc.mode()
          + " document's layer has " + bands + " or " + (bands + 1) + " (with transparency)");
    }
    BufferDescriptor mask = byRole.get("jewelryMask");
    if (mask != null && (mask.components() != 1 || !mask.bounds().equals(jewel.bounds()))) {
      throw new UserError("buffer 'jewelryMask' must be 1 component at the jewelry layer's bounds " + jewel.bounds()
          + ", got " + mask.components() + " at " + mask.bounds());
    }
    BufferDescriptor bg = byRole.get("background");
    BufferDescriptor.Bounds canvas = BufferDescriptor.Bounds.of(Rect.ofSize(doc.width(), doc.height()));
    if (bg != null && (bg.components() != bands || !bg.bounds().equals(canvas))) {
      throw new UserError("buffer 'background' must cover the whole document " + canvas + " with " + bands
          + " components (no alpha), got " + bg.components() + " at " + bg.bounds());
    }
    for (String role : List.of("selection", "heal", "props")) {
      BufferDescriptor d = byRole.get(role);
      if (d != null && d.components() != 1) {
        throw new UserError("buffer '" + role + "' must have 1 component (a gray mask), got " + d.components());
      }
    }
    if ("selection".equals(maskSource) && !byRole.containsKey("selection")) {
      throw new UserError("option productMask 'selection' needs a 'selection' buffer (1 component), and none was sent");
    }
  }

  private static int bands(PanelJobHeader.DocumentInfo doc) {
    return "RGB".equals(doc.mode()) ? 3 : 1;
  }

  public JobOutput run(PanelRequest req, Progress progress) throws IOException {
    var doc = req.document();
    int bands = bands(doc);
    Rect canvas = Rect.ofSize(doc.width(), doc.height());
    PanelRequest.Buffer jewel = req.buffers().get("jewelry");
    Planar jb = jewel.bands();
    Rect jewelBounds = jewel.descriptor().bounds().toRect();
    Planar color = new Planar(java.util.Arrays.copyOf(jb.bands, bands));
    GrayU16 alpha = jb.numBands() > bands ? jb.bands[bands] : null;
    GrayU16 userMask = Optional.ofNullable(req.buffers().get("jewelryMask")).map(b -> b.bands().bands[0]).orElse(null);
    ProtectedLayer prot = new ProtectedLayer(color, alpha, userMask, jewelBounds, 255);
    ProductMasks.requireBackgroundCanShow(prot, doc.width(), doc.height(), "the panel's document", null);
    Planar beneath = beneath(req, bands, canvas);
    Planar documentImage = Compositor.flatten(beneath, List.of(prot.asComposite()));
    ProductMasks.ProductMask product = req.request().maskSource() != null && req.request().maskSource().equals("selection")
        ? new ProductMasks.ProductMask(docMask(req, "selection", canvas))
        : masks.productMask(req.request().maskSource(), "layer", documentImage, new LayerShape(jewelBounds, alpha,
            userMask == null ? null : new LayerShape.UserMask(userMask, jewelBounds, 0, LayerShape.MaskFlags.NONE), null),
            255, null, "the panel's document", progress);
    ProductMasks.requireJewelryAndBackground(product.mask(), "the panel's document",
        req.request().maskSource() != null ? req.request().maskSource() : "layer");
    GrayU16 heal = req.buffers().containsKey("heal") ? docMask(req, "heal", canvas) : null;
    // Props the user selected replace those found automatically.
    GrayU16 props = req.buffers().containsKey("props") ? docMask(req, "props", canvas) : null;
    Recipe recipe = req.request().recipe();
    RetouchInput input = new RetouchInput(beneath, BitDepth.of(doc.bitDepth()), product.mask(), prot, heal,
        props != null ? props : product.propsFor(recipe, req.request().options()), product.specks());
    List<String> notes = new ArrayList<>(product.notesFor(recipe, req.request().options(), props != null));
    if (props != null) {
      notes.add(DocumentRetouch.givenPropNote("the selection", props));
    }
    // The panel gets layers, not channels: the protection masks would only sit in the kept result.
    RetouchResult result = RecipeRunner.run(recipe, input, req.request().options(), inpainters, progress)
        .withBefore(product.models(), notes).withoutProtections();
    return new PanelJobOutput(result, doc.bitDepth(), jewel.descriptor().fullRange(), doc.colorProfile(), json);
  }

  private static Planar beneath(PanelRequest req, int bands, Rect canvas) {
    PanelRequest.Buffer bg = req.buffers().get("background");
    if (bg == null) {
      Planar white = Planar.create(bands, canvas.width(), canvas.height());
      for (GrayU16 b : white.bands) {
        b.fill(65535);
      }
      return white;
    }
    return bg.bands();
  }

  /** A 1-component buffer placed on a document-size mask (zero outside its bounds). */
  private static GrayU16 docMask(PanelRequest req, String role, Rect canvas) {
    PanelRequest.Buffer b = req.buffers().get(role);
    GrayU16 out = new GrayU16(canvas.width(), canvas.height());
    Rect r = b.descriptor().bounds().toRect();
    Rect overlap = r.intersect(canvas);
    if (!overlap.isEmpty()) {
      out.subimage(overlap.left(), overlap.top(), overlap.right(), overlap.bottom())
          .setTo(b.bands().bands[0].subimage(overlap.left() - r.left(), overlap.top() - r.top(),
              overlap.right() - r.left(), overlap.bottom() - r.top()));
    }
    return out;
  }

  private static String str(Map<String, Object> o, String key) {
    Object v = o.get(key);
    return v == null ? null : v.toString();
  }

  private static Double num(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new UserError("option '" + key + "' must be a number, got '" + v + "'");
  }

  private static Boolean bool(Map<String, Object> o, String key) {
    Object v = o.get(key);
    return v == null || v instanceof Boolean ? (Boolean) v : RetouchRequest.flag("option '" + key + "'", v.toString());
  }

  /** The result of a panel job: a summary plus each layer's framed bytes, built on demand. */
  static final class PanelJobOutput implements JobOutput {
    private final RetouchResult result;
    private final int bitDepth;
    private final boolean fullRange;
    private final String profile;
    private final ObjectMapper json;

    PanelJobOutput(RetouchResult result, int bitDepth, boolean fullRange, String profile, ObjectMapper json) {
      this.result = result;
      this.bitDepth = bitDepth;
      this.fullRange = fullRange;
      this.profile = profile;
      this.json = json;
    }

    @Override
    public Object summary() {
      List<Map<String, Object>> layers = new ArrayList<>();
      for (int i = 0; i < result.layers().size(); i++) {
        layers.add(entry(i, result.layers().get(i)));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("recipe", result.recipe().id());
      out.put("group", "Loupe " + result.recipe().title);
      out.put("layers", layers);
      out.put("fidelity", ResultJson.fidelity(result.fidelity()));
      out.put("notes", result.notes());
      out.put("models", ResultJson.models(result.models()));
      return out;
    }

    @Override
    public long sizeBytes() {
      long n = 0;
      for (OutputLayer l : result.layers()) {
        n += (long) l.pixels().width * l.pixels().height * (l.pixels().numBands() + 2) * 2;
      }
      return n;
    }

    @Override
    public Optional<Frame.Streamed> layerFrame(int index) {
      if (index < 0 || index >= result.layers().size()) {
        return Optional.empty();
      }
      OutputLayer l = result.layers().get(index);
      PixelCodec.EncodedRows pixels = PixelCodec.rows(l.pixels(), l.alpha(), bitDepth, fullRange);
      PixelCodec.EncodedRows mask = l.mask() == null ? null : PixelCodec.rows(new Planar(l.mask()), null, bitDepth, fullRange);
      Map<String, Object> header = entry(index, l);
      List<BufferDescriptor> descs = new ArrayList<>();
      descs.add(descriptor("pixels", l, l.pixels().numBands() + (l.alpha() == null ? 0 : 1), pixels.byteLength()));
      if (mask != null) {
        descs.add(descriptor("mask", l, 1, mask.byteLength()));
      }
      header.put("buffers", descs);
      try {
        return Optional.of(mask == null ? Frame.stream(json, header, pixels) : Frame.stream(json, header, pixels, mask));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private BufferDescriptor descriptor(String role, OutputLayer l, int comps, long bytes) {
      return new BufferDescriptor(role, l.bounds().width(), l.bounds().height(), comps, bitDepth, fullRange, "chunky",
          BufferDescriptor.Bounds.of(l.bounds()), role.equals("mask") ? "Gray Gamma 2.2" : profile, bytes);
    }

    private static Map<String, Object> entry(int index, OutputLayer l) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", index);
      e.put("name", l.name());
      e.put("bounds", BufferDescriptor.Bounds.of(l.bounds()));
      e.put("blendMode", ResultJson.blendName(l.blend()));
      e.put("opacity", l.opacity());
      e.put("visible", l.visible());
      e.put("placement", l.placement().name().toLowerCase(java.util.Locale.ROOT));
      e.put("group", l.group());
      e.put("hasMask", l.mask() != null);
      e.put("hasAlpha", l.alpha() != null);
      return e;
    }
  }
}
