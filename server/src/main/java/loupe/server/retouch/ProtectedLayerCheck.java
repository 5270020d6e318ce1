// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loupe.psd.LayerNode;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.server.UserError;

/**
 * Refuses a protected layer whose pixels are not what the document shows where it covers fully.
 * Loupe adds its layers beneath the jewelry, and a pixel the jewelry covers stays bit-exact only if
 * nothing beneath shows through it: the layer must be visible, Normal, at 100 % opacity and fill,
 * not clipped, and every group around it visible, at 100 %, pass-through or Normal, without a mask.
 * Otherwise the new background would change the jewelry as seen while the report said it held.
 */
final class ProtectedLayerCheck {
  private ProtectedLayerCheck() {}

  /** @throws UserError naming the file, the layer and the setting to change */
  static void requireOpaqueNormal(PsdDocument doc, PsdLayer layer, String file) {
    String problem = ownProblem(layer);
    if (problem == null) {
      List<PsdLayer> groups = new ArrayList<>();
      findPath(doc.layerTree(), layer, groups);
      for (PsdLayer group : groups) {
        problem = groupProblem(group);
        if (problem != null) {
          break;
        }
      }
    }
    if (problem != null) {
      throw new UserError(file + ": the protected layer '" + layer.name() + "' " + problem
          + "; Loupe keeps jewelry bit-exact only where a visible, Normal layer at 100 % opacity covers it "
          + "(change that in Photoshop, or name another layer with --protect)");
    }
  }

  private static String ownProblem(PsdLayer l) {
    if (!l.visible()) {
      return "is hidden";
    }
    if (!"norm".equals(l.blendMode())) {
      return "is in blend mode '" + l.blendMode().trim() + "'";
    }
    if (l.opacity() != 255 || l.fillOpacity() != 255) {
      return "is at " + percent(Math.min(l.opacity(), l.fillOpacity())) + " opacity or fill";
    }
    if (l.clipping()) {
      return "is clipped to the layer below it";
    }
    String seeThrough = l.seeThrough();
    return seeThrough == null ? null : seeThrough + " in its Blending Options";
  }

  private static String groupProblem(PsdLayer g) {
    String name = "lies in group '" + g.name() + "', which ";
    if (!g.visible()) {
      return name + "is hidden";
    }
    if (!"pass".equals(g.blendMode()) && !"norm".equals(g.blendMode())) {
      return name + "is in blend mode '" + g.blendMode().trim() + "'";
    }
    if (g.opacity() != 255 || g.fillOpacity() != 255) {
      return name + "is at " + percent(Math.min(g.opacity(), g.fillOpacity())) + " opacity or fill";
    }
    return g.userMask() != null && !g.userMask().disabled() ? name + "has a layer mask" : null;
  }

  /** Fills {@code path} with the groups enclosing {@code layer}, outermost first; whether it was found. */
  private static boolean findPath(List<LayerNode> nodes, PsdLayer layer, List<PsdLayer> path) {
    for (LayerNode n : nodes) {
      if (n.layer() == layer) {
        return true;
      }
      if (n.isGroup()) {
        path.add(n.layer());
        if (findPath(n.children(), layer, path)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }

  private static String percent(int alpha) {
    return String.format(Locale.ROOT, "%d %%", Math.round(alpha * 100 / 255.0));
  }
}
