// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import loupe.psd.LayerNode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.server.UserError;

/**
 * Finds the protected jewelry layer (docs/recipes.md): the topmost pixel layer with the requested
 * name; else the topmost pixel layer named Jewelry, Jewellery, Product or Protected (either the
 * topmost one shown, if any is); else the one shown pixel layer with transparency above the bottom
 * layer, when there is exactly one (several
 * are refused rather than guessed: a logo, a retouching layer or a dodge-and-burn layer must not be
 * protected in the jewelry's place). Text, fill and shape layers qualify only by --protect; a
 * smart object by its name too. Returns null for a document with no such layer (a photograph).
 */
public final class ProtectedLayerRule {
  private static final Set<String> NAMES = Set.of("jewelry", "jewellery", "product", "protected");
  /** Type, fill and shape-layer blocks: such a layer is drawn, never the shot (a caption reading "Product"). */
  private static final Set<String> DRAWN = Set.of("TySh", "tySh", "SoCo", "GdFl", "PtFl", "vscg");
  /** Smart-object blocks: a placed cut-out may be the jewelry when so named, but is not guessed. */
  private static final Set<String> PLACED = Set.of("SoLd", "SoLE", "PlLd", "plLd");

  private ProtectedLayerRule() {}

  /**
   * A layer is looked for among those the document shows (visible, in visible groups) first: with
   * the same name in a hidden group (a "Version B" kept for later), the shown one is meant.
   */
  public static PsdLayer find(PsdDocument doc, String requested, String file) {
    List<PsdLayer> layers = doc.layers();
    List<PsdLayer> topDown = new ArrayList<>(layers);
    Collections.reverse(topDown);
    if (requested != null) {
      return topmost(doc, topDown.stream().filter(l -> isPixelLayer(l) && l.name().equals(requested)).toList())
          .orElseThrow(() -> notFound(topDown, requested, file));
    }
    Optional<PsdLayer> named = topmost(doc, topDown.stream().filter(l -> isPixelLayer(l) && !has(l, DRAWN)
        && NAMES.contains(l.name().trim().toLowerCase(Locale.ROOT))).toList());
    if (named.isPresent()) {
      return named.get();
    }
    int bottom = indexOfFirstPixelLayer(layers);
    List<PsdLayer> candidates = topDown.stream().filter(l -> layers.indexOf(l) > bottom && isPixelLayer(l)
        && shown(doc, l) && l.channel(PsdChannel.TRANSPARENCY) != null && !has(l, DRAWN) && !has(l, PLACED)).toList();
    if (candidates.size() > 1) {
      throw new UserError(file + ": several layers could hold the jewelry (" + names(candidates)
          + "); name the jewelry layer Jewelry, or choose it with --protect NAME (HTTP: protectLayer)");
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /** The first of {@code topDown} the document shows, else the first. */
  private static Optional<PsdLayer> topmost(PsdDocument doc, List<PsdLayer> topDown) {
    return topDown.stream().filter(l -> shown(doc, l)).findFirst().or(() -> topDown.stream().findFirst());
  }

  /** Visible, and so is every group it lies in. */
  static boolean shown(PsdDocument doc, PsdLayer layer) {
    return LayerNode.pathTo(doc.layerTree(), layer).stream().allMatch(n -> n.layer().visible());
  }

  /** Why no layer named {@code requested} can be protected: it is empty (not "missing"), or there is none. */
  private static UserError notFound(List<PsdLayer> topDown, String requested, String file) {
    boolean empty = topDown.stream().anyMatch(l -> !l.isGroupStart() && !l.isGroupEnd() && l.name().equals(requested));
    return new UserError(empty
        ? file + ": the layer '" + requested + "' is empty (it holds no pixels): put the piece on it, or choose another "
            + "layer with --protect NAME (HTTP: protectLayer)"
        : file + ": no pixel layer named '" + requested + "' (layers: "
            + names(topDown.stream().filter(ProtectedLayerRule::isPixelLayer).toList()) + ")");
  }

  /** A layer that holds pixels: not a group record, not empty. */
  public static boolean isPixelLayer(PsdLayer l) {
    return !l.isGroupStart() && !l.isGroupEnd() && l.width() > 0 && l.height() > 0;
  }

  private static boolean has(PsdLayer l, Set<String> keys) {
    return l.blocks().stream().anyMatch(b -> keys.contains(b.key()));
  }

  private static int indexOfFirstPixelLayer(List<PsdLayer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (isPixelLayer(layers.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> names(List<PsdLayer> layers) {
    return layers.stream().map(PsdLayer::name).toList();
  }
}
