// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import loupe.psd.PsdChannel;
import loupe.psd.PsdLayer;
import loupe.server.UserError;

/**
 * Finds the protected jewelry layer (docs/recipes.md): the named one; else the first layer named
 * Jewelry, Jewellery, Product or Protected; else the topmost visible pixel layer with transparency
 * that is not the bottom layer. Returns null for a document with no such layer (treated as flat).
 */
public final class ProtectedLayerRule {
  private static final Set<String> NAMES = Set.of("jewelry", "jewellery", "product", "protected");

  private ProtectedLayerRule() {}

  /** @param layers bottom to top (file order) */
  public static PsdLayer find(List<PsdLayer> layers, String requested, String file) {
    if (requested != null) {
      return layers.stream().filter(l -> isPixelLayer(l) && l.name().equals(requested)).findFirst()
          .orElseThrow(() -> new UserError(file + ": no pixel layer named '" + requested + "' (layers: "
              + layers.stream().filter(ProtectedLayerRule::isPixelLayer).map(PsdLayer::name).toList() + ")"));
    }
    for (int i = layers.size() - 1; i >= 0; i--) {
      PsdLayer l = layers.get(i);
      if (isPixelLayer(l) && NAMES.contains(l.name().trim().toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    for (int i = layers.size() - 1; i >= 1; i--) {
      PsdLayer l = layers.get(i);
      if (isPixelLayer(l) && l.visible() && l.channel(PsdChannel.TRANSPARENCY) != null && indexOfFirstPixelLayer(layers) < i) {
        return l;
      }
    }
    return null;
  }

  /** A layer that holds pixels: not a group record, not empty. */
  public static boolean isPixelLayer(PsdLayer l) {
    return !l.isGroupStart() && !l.isGroupEnd() && l.width() > 0 && l.height() > 0;
  }

  private static int indexOfFirstPixelLayer(List<PsdLayer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (isPixelLayer(layers.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
