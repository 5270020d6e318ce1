// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loupe.engine.alg.mask.ChannelMaskSource;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.image.GrayU16;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.server.UserError;

/**
 * Masks the user saved in a document and names for a job: {@code channel:NAME} or {@code
 * channel:N} (an alpha channel — a saved selection — by name, else by its 1-based number as {@code
 * loupe inspect} lists them; read as Photoshop shows it, its display setting saying whether white or
 * black selects) and {@code path[:NAME]} (a saved path; without a name the clipping path). One
 * reader for every use: the product mask of a retouch job and of {@code loupe mask}, the props to
 * remove and the area to heal. An automatic retouch job saves its selection the same way, for the
 * retoucher to use or refine ({@link #saveAutomatic}).
 */
public final class SavedMasks {
  /** The alpha channel that holds a product mask Loupe saves (`loupe mask`, an automatic retouch job). */
  public static final String PRODUCT_CHANNEL = "Product mask";
  /** The alpha channel that holds an automatic mask's protection: what a retouch job keeps as shot. */
  public static final String PROTECTION_CHANNEL = "Loupe protection";

  private SavedMasks() {}

  /**
   * Saves an automatic mask in the document a retouch job writes, as {@code loupe mask} does: the
   * selection ({@link #PRODUCT_CHANNEL}) and the protection the job kept as shot ({@link
   * #PROTECTION_CHANNEL}), so that the retoucher can extend the new background over the safety
   * margin: load the selection, invert it, paint the Loupe layers' masks. The colour composite is
   * not touched. Nothing is saved when the document has channels of those names, keeps no
   * composite, or has no room.
   *
   * @param doc Modified: the two alpha channels are appended
   * @return the job's note on what was saved, or why nothing was
   */
  static String saveAutomatic(PsdDocument doc, ProductMasks.ProductMask product) {
    Map<String, GrayU16> channels = new LinkedHashMap<>();
    channels.put(PRODUCT_CHANNEL, product.selection());
    channels.put(PROTECTION_CHANNEL, product.mask());
    String why = save(doc, channels);
    if (why != null) {
      return "the automatic selection was not saved as channels: " + why;
    }
    return "channels '" + PRODUCT_CHANNEL + "' (the automatic selection) and '" + PROTECTION_CHANNEL + "' (what was "
        + "kept as shot) saved: to clean closer to the piece, load '" + PRODUCT_CHANNEL + "', check its edge against "
        + "the piece (an estimate can miss parts of it, such as rim facets that mirror the sweep), invert it and paint "
        + "the Loupe layers' masks white";
  }

  /**
   * The note of a job whose product mask is a mask saved in the document: it is protected exactly,
   * with no safety margin (unless it is Loupe's saved protection, which holds one); and when it is
   * the selection an automatic job or {@code loupe mask} saved beside its protection, that the
   * protection is the one with the margin.
   */
  static String note(PsdDocument doc, String source) {
    boolean channel = ProductMasks.kindOf(source).equals("channel");
    // By its name, also when the source gave its number (the job has already read it).
    String name = channel ? alpha(doc, source.substring(source.indexOf(':') + 1)).name() : null;
    if (PROTECTION_CHANNEL.equals(name)) {
      return "product mask " + source + ": protected exactly as it selects, Loupe's saved protection with its safety "
          + "margin";
    }
    String what = source.equals("path") ? "the clipping path '" + doc.clippingPathName() + "'" : source;
    String note = "product mask " + what + ": protected exactly as it selects, with no safety margin";
    boolean automatic = PRODUCT_CHANNEL.equals(name) && AlphaChannels.find(doc, PROTECTION_CHANNEL) != null;
    return automatic ? note + "; '" + PRODUCT_CHANNEL + "' is Loupe's automatic selection unless refined, which can "
        + "miss jewelry near its edge: channel:" + PROTECTION_CHANNEL + " keeps the margin" : note;
  }

  /**
   * Saves the luminosity masks Editorial added to the protection (diamond highlights, metal
   * shadows), each as the alpha channel it is named after, so the retoucher can see what was kept
   * and load it as a selection.
   *
   * @param doc Modified: the channels are appended
   * @return the job's note on what was saved, or why nothing was; empty when there is nothing to save
   */
  static Optional<String> saveProtections(PsdDocument doc, Map<String, GrayU16> protections) {
    if (protections.isEmpty()) {
      return Optional.empty();
    }
    String names = String.join("', '", protections.keySet());
    String why = save(doc, protections);
    return Optional.of(why == null ? "channels '" + names + "' saved: the luminosity masks that protected the "
        + "piece's edge more (load one as a selection to see or reuse it)"
        : "channels '" + names + "' were not saved: " + why);
  }

  /** Appends every channel, or none: the reason none was (a name taken, no room), else null. */
  private static String save(PsdDocument doc, Map<String, GrayU16> channels) {
    for (String name : channels.keySet()) {
      if (AlphaChannels.find(doc, name) != null) {
        return "the document already has one named '" + name + "'";
      }
    }
    String why = AlphaChannels.whyNot(doc, channels.size());
    if (why != null) {
      return why;
    }
    channels.forEach((name, mask) -> AlphaChannels.add(doc, name, PsdPixels.encode(mask, doc.depth())));
    return null;
  }

  /** True for the sources this class reads: {@code channel:…} and {@code path[:…]}. */
  public static boolean isSaved(String source) {
    String kind = ProductMasks.kindOf(source);
    return kind.equals("channel") || kind.equals("path");
  }

  /**
   * The mask, document-size, 65535 = selected.
   *
   * @param doc the document, or null for a flat file (refused: it keeps no channels or paths)
   * @param file the file, for messages
   * @param option what the mask is for, as messages name it: product mask, or heal and props (as the
   *     command line and the query string name those options)
   * @param source {@code channel:NAME|N} or {@code path[:NAME]}
   * @throws UserError naming the file, the option and what the document has instead, or when the
   *     mask selects no pixel
   */
  public static GrayU16 of(PsdDocument doc, String file, String option, String source) {
    String kind = ProductMasks.kindOf(source);
    String name = source.contains(":") ? source.substring(source.indexOf(':') + 1) : "";
    String where = file + ": " + option + " " + source + ": ";
    if (doc == null) {
      throw new UserError(where + kind + " masks need a PSD/PSB document with saved "
          + (kind.equals("path") ? "paths" : "alpha channels"));
    }
    GrayU16 mask;
    try {
      mask = kind.equals("channel") ? channel(doc, name) : path(doc, name);
    } catch (UserError e) {
      throw new UserError(where + e.getMessage());
    }
    if (MaskOps.selectedPixels(mask) == 0) {
      throw new UserError(file + ": " + option + " " + source + " selects no pixel");
    }
    return mask;
  }

  private static GrayU16 channel(PsdDocument doc, String ref) {
    AlphaChannels.Alpha alpha = alpha(doc, ref);
    return ChannelMaskSource.productMask(PsdPixels.decode(alpha.channel()), alpha.inverted(), doc.width(),
        doc.height(), null);
  }

  /** The alpha channel {@code ref} names: by name, else by its 1-based number (a name wins). */
  private static AlphaChannels.Alpha alpha(PsdDocument doc, String ref) {
    List<AlphaChannels.Alpha> alphas = AlphaChannels.list(doc);
    List<String> names = new ArrayList<>();
    for (AlphaChannels.Alpha a : alphas) {
      names.add(names.size() + 1 + " '" + a.name() + "'");
    }
    if (alphas.isEmpty()) {
      throw new UserError("the document has no saved alpha channels");
    }
    if (ref.isEmpty()) {
      throw new UserError("name the alpha channel or give its number: channel:NAME or channel:N (channels: " + names
          + ")");
    }
    // A saved selection wins over a spot plate of the same name.
    AlphaChannels.Alpha alpha = alphas.stream().filter(a -> a.name().equals(ref))
        .min(Comparator.comparing(AlphaChannels.Alpha::spot)).orElse(null);
    if (alpha == null && ref.matches("[0-9]{1,9}")) {
      int n = Integer.parseInt(ref);
      if (n < 1 || n > alphas.size()) {
        throw new UserError("no alpha channel number " + n + "; the document has " + alphas.size()
            + ", numbered from 1: " + names);
      }
      alpha = alphas.get(n - 1);
    }
    if (alpha == null) {
      throw new UserError("no alpha channel named '" + ref + "' (channels: " + names + ")");
    }
    if (alpha.spot()) {
      throw new UserError("channel " + (alphas.indexOf(alpha) + 1) + " '" + alpha.name() + "' is a spot-colour channel "
          + "(printing ink), not a saved selection (channels: " + names + ")");
    }
    return alpha;
  }

  private static GrayU16 path(PsdDocument doc, String name) {
    return PathRasterizer.rasterize(PsdPaths.toGeometry(PsdPaths.saved(doc, name).path(), doc.width(), doc.height()),
        doc.width(), doc.height(), null);
  }
}
