// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loupe.psd.LayerMask;
import loupe.psd.LayerNode;
import loupe.psd.MaskPlane;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdNames;
import loupe.server.UserError;

/**
 * Refuses a protected layer whose pixels are not what the document shows where it covers fully.
 * Loupe adds its layers directly beneath the jewelry (inside the jewelry's own group), so a pixel the
 * jewelry covers stays as seen only if nothing beneath shows through the layer itself: it must be
 * visible, Normal, at 100 % opacity and fill, not clipped, without knockout, channel restrictions,
 * blend-if, a feathered mask (a feather blurs a mask stored as fully on) or an inverted one, in
 * visible groups. A mask below 100 % density is not refused, only noted ({@link #densityNote}).
 * The groups' own opacity, mask or blend mode need no rule: they mix the group's content, which is
 * the jewelry wherever it covers fully, with layers outside the group that Loupe does not change.
 */
final class ProtectedLayerCheck {
  private ProtectedLayerCheck() {}

  /** @throws UserError naming the file, the layer and the setting to change */
  static void requireOpaqueNormal(PsdDocument doc, PsdLayer layer, String file) {
    String problem = ownProblem(layer);
    List<LayerNode> path = LayerNode.pathTo(doc.layerTree(), layer);
    for (LayerNode group : path.subList(0, Math.max(0, path.size() - 1))) {
      if (problem == null && !group.layer().visible()) {
        problem = "lies in group '" + group.layer().name() + "', which is hidden";
      }
    }
    if (problem == null) {
      problem = coveredBy(doc, layer);
    }
    if (problem != null) {
      throw new UserError(file + ": the protected layer '" + layer.name() + "' " + problem
          + "; Loupe keeps jewelry bit-exact only where a visible, Normal layer at 100 % opacity covers it "
          + "(change that in Photoshop, or name another layer with --protect; HTTP: protectLayer)");
    }
  }

  private static String ownProblem(PsdLayer l) {
    if (!l.visible()) {
      return "is hidden";
    }
    if (!"norm".equals(l.blendMode())) {
      return "is in blend mode " + PsdNames.blendMode(l.blendMode());
    }
    if (l.opacity() != 255 || l.fillOpacity() != 255) {
      return "is at " + percent(Math.min(l.opacity(), l.fillOpacity())) + " opacity or fill";
    }
    if (l.clipping()) {
      return "is clipped to the layer below it";
    }
    MaskPlane pixel = l.pixelMask();
    boolean pixelOn = pixel != null && !pixel.disabled();
    boolean vectorOn = l.vectorMask() != null && !l.vectorMask().disabled();
    if ((pixelOn && positive(pixel.feather())) || (vectorOn && l.userMask() != null && positive(l.userMask().vectorFeather()))) {
      return "has a feathered mask";
    }
    if (pixelOn && pixel.inverted()) {
      // An old flag that readers disagree on: applied inverted or not, one of them hides the jewelry Loupe keeps.
      return "has a layer mask flagged 'invert when blending', which Loupe cannot tell how Photoshop applies "
          + "(apply the mask, Layer › Layer Mask › Apply, and save again)";
    }
    String seeThrough = l.seeThrough();
    return seeThrough == null ? null : seeThrough + " in its Blending Options";
  }

  /**
   * An opaque layer over the whole canvas above the jewelry (a Background moved up) hides it and
   * everything Loupe adds beneath it: the job would change nothing anyone sees.
   */
  private static String coveredBy(PsdDocument doc, PsdLayer jewelry) {
    List<PsdLayer> layers = doc.layers();
    for (int i = layers.indexOf(jewelry) + 1; i < layers.size(); i++) {
      PsdLayer l = layers.get(i);
      boolean whole = l.left() <= 0 && l.top() <= 0 && l.right() >= doc.width() && l.bottom() >= doc.height();
      List<LayerNode> path = LayerNode.pathTo(doc.layerTree(), l);
      // Only a layer that shows as itself hides what lies beneath: every group around it plain too.
      if (ProtectedLayerRule.isPixelLayer(l) && whole && l.channel(PsdChannel.TRANSPARENCY) == null
          && path.stream().allMatch(n -> showsAsItself(n.layer()))) {
        return "is covered by the opaque layer '" + l.name() + "' above it";
      }
    }
    return null;
  }

  private static boolean showsAsItself(PsdLayer l) {
    boolean blend = "norm".equals(l.blendMode()) || (l.isGroupStart() && "pass".equals(l.blendMode()));
    return l.visible() && blend && l.opacity() == 255 && l.fillOpacity() == 255 && !l.clipping()
        && !l.hasUserMask() && l.vectorMask() == null && l.seeThrough() == null;
  }

  /**
   * A mask at less than 100 % density hides the layer only partly: where it hides the jewelry layer's
   * pixels they still show, at what the density leaves, over the background Loupe retouches beneath
   * it. Nothing Loupe keeps bit-exact changes (where the mask is fully on, density does not act), so
   * the job runs, and says why the retouched background looks veiled there. A mask at 0 % hides
   * nothing and is taken as switched off ({@link PsdPixels#userMask}), which the note says too.
   *
   * @return the note, or empty when every enabled mask of the layer is at 100 % density
   */
  static Optional<String> densityNote(PsdLayer l) {
    LayerMask m = l.userMask();
    if (m == null) {
      return Optional.empty();
    }
    MaskPlane pixel = l.pixelMask();
    List<String> masks = new ArrayList<>();
    boolean partly = false;
    for (String kind : List.of("layer", "vector")) {
      boolean on = kind.equals("layer") ? pixel != null && !pixel.disabled()
          : l.vectorMask() != null && !l.vectorMask().disabled();
      Integer density = kind.equals("layer") ? m.userDensity() : m.vectorDensity();
      if (on && density != null && density < 255) {
        masks.add(kind + " mask at " + percent(density) + " density");
        partly |= density > 0;
      }
    }
    if (masks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("the protected layer '" + l.name() + "' has its " + String.join(" and its ", masks) + (partly
        ? ": where the mask hides the layer, its pixels still show partly over the retouched background"
        : ", which hides nothing: the whole layer shows and is protected as jewelry")
        + " (set Density to 100 % in Properties to see the background as Loupe left it)");
  }

  private static boolean positive(Double feather) {
    return feather != null && feather > 0;
  }

  /** A 0..255 value in percent: never "100 %" below 255, nor "0 %" above 0 (254 reads 99.6 %). */
  private static String percent(int alpha) {
    long whole = Math.round(alpha * 100 / 255.0);
    boolean misleading = (alpha < 255 && whole == 100) || (alpha > 0 && whole == 0);
    return misleading ? String.format(Locale.ROOT, "%.1f %%", alpha * 100 / 255.0) : whole + " %";
  }
}
