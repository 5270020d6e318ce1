// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.Progress;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.ModelUse;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.server.UserError;
import loupe.server.retouch.ProductMasks;
import loupe.server.retouch.ProtectedLayerRule;
import loupe.server.retouch.PsdPixels;
import loupe.server.retouch.SavedMasks;

/**
 * The masks of one document: the product mask from a source — {@code layer}, {@code
 * auto[:MODEL]}, {@code path[:NAME]} or {@code channel:NAME} / {@code channel:N} (through {@link
 * ProductMasks}, as retouching builds it) — and luminosity masks computed on the document's own
 * values, presets intersected with that product mask.
 *
 * @param product 65535 = jewelry, as the source selects it: for {@code auto}, the segmentation
 *     itself (what Select Subject would give), not the margin a retouch job protects around it
 * @param protection for {@code auto}, what a retouch job of the same document protects (the
 *     estimate with its safety margin, docs/recipes.md); null for the other sources, which a job
 *     protects exactly as they select
 * @param models the models that made the product mask (empty for model-free sources)
 * @param notes what a retouch job with this source would note about it (which segmenter, and why not
 *     the installed model; a saved mask's lack of margin)
 * @param luminosity by spec, in the order asked, duplicates once
 */
public record DocumentMasks(String source, GrayU16 product, GrayU16 protection, List<ModelUse> models,
    List<String> notes, Map<MaskSpec, GrayU16> luminosity) {

  /** The file suffix of the product mask (its alpha channel: {@link SavedMasks#PRODUCT_CHANNEL}). */
  public static final String PRODUCT_FILE_NAME = "mask";
  /** The file suffix of an automatic mask's protection (its alpha channel: {@link SavedMasks#PROTECTION_CHANNEL}). */
  public static final String PROTECTION_FILE_NAME = "protection";

  /**
   * @param source the product-mask source, or null for the one a retouch job of the file uses
   *     ({@link ProductMasks#defaultSource}: the protected layer, else the clipping path, else auto)
   * @param protect the protected layer's name, or null for the documented rule
   */
  public static DocumentMasks compute(MaskInput in, String source, String protect, List<MaskSpec> specs,
      ProductMasks masks, Progress progress) {
    PsdDocument doc = in.document();
    PsdLayer jewelry = jewelry(in, source, protect);
    String s = resolve(source, in.document(), jewelry);
    String kind = ProductMasks.kindOf(s);
    ProductMasks.ProductMask product = switch (kind) {
      case "layer", "auto", "path", "channel" -> {
        if (kind.equals("layer") && jewelry == null) {
          throw new UserError(in.file() + ": the source 'layer' needs a protected layer and this "
              + (in.flat() != null ? "flat file has none" : "document has none") + " (use --source auto or path)");
        }
        LayerShape shape = jewelry == null ? null : PsdPixels.shape(jewelry, in.width(), in.height());
        yield masks.productMask(s, s, in.image(), shape, jewelry == null ? 255 : jewelry.opacity(), doc,
            in.file().toString(), progress);
      }
      default -> throw new UserError("unknown mask source '" + s + "' (use layer, auto, auto:classical, auto:isnet, path[:NAME], "
          + "channel:NAME or channel:N)");
    };
    progress.report("luminosity masks", 0.8);
    Map<MaskSpec, GrayU16> luminosity = specs.isEmpty() ? new LinkedHashMap<>()
        : luminosity(in, product.selection(), specs);
    return new DocumentMasks(s, product.selection(), hasProtection(s) ? product.mask() : null, product.models(),
        product.notes(), luminosity);
  }

  /**
   * The source {@link #compute} will use, found without computing anything (so that outputs can be
   * planned first): {@code source} itself, or the default a retouch job uses.
   */
  public static String source(MaskInput in, String source, String protect) {
    return resolve(source, in.document(), jewelry(in, source, protect));
  }

  /** True when masks from {@code source} come with a protection of their own ({@link #protection}). */
  public static boolean hasProtection(String source) {
    return ProductMasks.kindOf(source).equals("auto");
  }

  /**
   * The protected layer when the mask may come from it. A layer named with {@code --protect} is
   * looked for with any source, so a misspelt name is refused as a retouch job refuses it.
   */
  private static PsdLayer jewelry(MaskInput in, String source, String protect) {
    boolean defaulted = source == null || source.isBlank();
    boolean used = defaulted || ProductMasks.kindOf(source.trim()).equals("layer");
    PsdLayer found = used || protect != null ? ProtectedLayerRule.find(in.document(), protect, in.file().toString())
        : null;
    return used ? found : null;
  }

  private static String resolve(String source, PsdDocument doc, PsdLayer jewelry) {
    return source == null || source.isBlank() ? ProductMasks.defaultSource(doc, jewelry != null) : source.trim();
  }

  /** {@code lights3,darks4} → specs, duplicates once; a bad name is a one-line user error naming it. */
  public static List<MaskSpec> parseLuminosity(String names) {
    if (names == null) {
      return List.of();
    }
    java.util.Set<MaskSpec> specs = new java.util.LinkedHashSet<>();
    for (String name : names.split(",")) {
      try {
        if (!name.isBlank()) {
          specs.add(MaskSpec.parse(name));
        }
      } catch (IllegalArgumentException e) {
        throw new UserError("--luminosity " + name.trim() + ": " + e.getMessage());
      }
    }
    if (specs.isEmpty()) {
      throw new UserError("--luminosity names no mask (e.g. lights3,darks4)");
    }
    return new ArrayList<>(specs);
  }

  /** A file-name-safe form of a mask's name: {@code zone:lights2-lights4} → {@code zone-lights2-lights4}. */
  public static String fileName(MaskSpec spec) {
    return spec.name().replace(':', '-');
  }

  private static Map<MaskSpec, GrayU16> luminosity(MaskInput in, GrayU16 product, List<MaskSpec> specs) {
    try {
      return LuminosityMasks.computeSet(in.image(), product, specs, LumaMaskConfig.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new UserError(in.file() + ": " + e.getMessage());
    }
  }
}
