// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.Progress;
import loupe.engine.alg.heal.HealConfig;
import loupe.engine.alg.heal.HealOps;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Spot healing on the jewelry with "Sample All Layers" off: the painted pixels are filled from the
 * jewelry layer's own opaque pixels, on a new layer above it that is transparent everywhere except
 * where the user painted. This is the one place Loupe changes what jewelry pixels show, and only
 * because the user asked; the fidelity report counts these pixels separately. The layer covers the
 * painted areas times the jewelry layer's own coverage: a stroke that runs past the piece's edge
 * must not put jewelry colour where the jewelry layer is transparent (over the background).
 */
final class HealLayer {
  private HealLayer() {}

  /** @param in with {@link RetouchInput#healArea} as its heal mask (what the guard exempts too) */
  static OutputLayer of(RetouchInput in, Progress progress) {
    ProtectedLayer jewel = in.jewelry();
    Rect b = jewel.bounds();
    Rect onCanvas = b.intersect(Rect.ofSize(in.width(), in.height()));
    GrayU16 onJewel = new GrayU16(b.width(), b.height());
    if (!onCanvas.isEmpty()) {
      onJewel.subimage(onCanvas.left() - b.left(), onCanvas.top() - b.top(), onCanvas.right() - b.left(),
              onCanvas.bottom() - b.top())
          .setTo(in.healMask().subimage(onCanvas.left(), onCanvas.top(), onCanvas.right(), onCanvas.bottom()));
    }
    Planar healed = HealOps.heal(jewel.pixels(), jewel.coverage(), onJewel, HealConfig.defaults(), progress);
    return new OutputLayer("Loupe heal (painted areas, jewelry layer only)", healed, onJewel, null, b,
        BlendMode.NORMAL, 255, true, Placement.ABOVE, "Loupe heal");
  }
}
