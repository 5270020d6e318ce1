// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import loupe.engine.composite.BlendMode;
import loupe.engine.composite.CompositeLayer;
import loupe.psd.LayerNode;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdNames;

/**
 * The visible layers beneath the protected layer, bottom first, as the engine's compositor renders
 * them: pixel layers in Normal, Multiply or Linear Light at their opacity × fill. What it cannot
 * render (an adjustment layer, another blend mode, a clipped layer, a faded or blending group) is
 * named in {@code unrendered}: the new background is built without it and covers it, so the
 * retoucher must know.
 */
record LayersBeneath(List<CompositeLayer> layers, List<String> unrendered) {
  /** Adjustment and fill layers: they change what lies beneath them without pixels of their own. */
  private static final Set<String> ADJUSTMENTS = Set.of("levl", "curv", "brit", "blnc", "hue ", "hue2", "selc", "mixr",
      "grdm", "phfl", "expA", "vibA", "thrs", "nvrt", "post", "blwh", "clrL", "SoCo", "GdFl", "PtFl");

  static LayersBeneath of(PsdDocument doc, PsdLayer jewelry, int bands) {
    List<CompositeLayer> layers = new ArrayList<>();
    List<String> unrendered = new ArrayList<>();
    int top = doc.indexOf(jewelry);
    List<PsdLayer> beneath = doc.layers().subList(0, top);
    collect(doc.layerTree(), beneath, doc, bands, false, layers, unrendered);
    Collections.reverse(layers);
    Collections.reverse(unrendered);
    return new LayersBeneath(List.copyOf(layers), List.copyOf(unrendered));
  }

  /** Walks top to bottom; a group's ignored settings are named once, for the outermost such group. */
  private static void collect(List<LayerNode> nodes, List<PsdLayer> beneath, PsdDocument doc, int bands,
      boolean groupNamed, List<CompositeLayer> layers, List<String> unrendered) {
    for (LayerNode n : nodes) {
      PsdLayer l = n.layer();
      if (!l.visible()) {
        continue;
      }
      if (n.isGroup()) {
        String issue = groupNamed ? null : groupIssue(l);
        boolean name = issue != null && n.children().stream().anyMatch(c -> contains(beneath, c));
        if (name) {
          unrendered.add(issue);
        }
        collect(n.children(), beneath, doc, bands, groupNamed || name, layers, unrendered);
        continue;
      }
      if (!beneath.contains(l)) {
        continue;
      }
      BlendMode blend = Arrays.stream(BlendMode.values()).filter(m -> m.psdKey.equals(l.blendMode())).findFirst()
          .orElse(null);
      String name = "'" + l.name() + "'";
      if (l.blocks().stream().anyMatch(b -> ADJUSTMENTS.contains(b.key()))) {
        unrendered.add(name + " (adjustment or fill layer)");
      } else if (!ProtectedLayerRule.isPixelLayer(l)) {
        continue;
      } else if (l.clipping()) {
        unrendered.add(name + " (clipped)");
      } else if (blend == null) {
        unrendered.add(name + " (blend mode " + PsdNames.blendMode(l.blendMode()) + ")");
      } else {
        layers.add(new CompositeLayer(PsdPixels.color(l, bands), PsdPixels.alpha(l), PsdPixels.masksAtLayer(l, doc.width(), doc.height()),
            PsdPixels.bounds(l), blend, l.opacity() * l.fillOpacity() / 255, true));
      }
    }
  }

  private static String groupIssue(PsdLayer g) {
    boolean plain = ("pass".equals(g.blendMode()) || "norm".equals(g.blendMode())) && g.opacity() == 255
        && g.fillOpacity() == 255 && (g.userMask() == null || g.userMask().disabled());
    return plain ? null : "group '" + g.name() + "' (its blend mode, opacity or mask)";
  }

  private static boolean contains(List<PsdLayer> beneath, LayerNode n) {
    return beneath.contains(n.layer()) || n.children().stream().anyMatch(c -> contains(beneath, c));
  }
}
