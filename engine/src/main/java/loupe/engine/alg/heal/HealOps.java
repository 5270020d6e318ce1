// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.heal;

import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.inpaint.InpaintOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Spot healing on the jewelry layer alone (Photoshop's Remove tool with "Sample All Layers" off):
 * the painted pixels are rebuilt from the layer's own fully opaque pixels, never from the background
 * or other layers. The same machinery as background inpainting ({@link InpaintOps}), with the
 * source restricted to the layer.
 */
public final class HealOps {
  private HealOps() {}

  /**
   * Fills the painted pixels from the layer's opaque pixels outside the painted mask.
   *
   * @param layer the jewelry layer's pixels. Not modified.
   * @param layerAlpha the layer's alpha (transparency and mask combined), 65535 = opaque. Not
   *     modified.
   * @param healMask what the user painted; any value &gt; 0 is healed. Not modified.
   * @return a new layer-size image holding the fill wherever {@code healMask > 0} (unblended: the
   *     caller's new layer is masked by healMask) and the layer's pixels elsewhere (irrelevant to
   *     the caller)
   * @throws IllegalArgumentException on a size mismatch
   * @throws UnsuitableInputException when the mask is not empty and no opaque pixel lies outside it
   */
  public static Planar heal(Planar layer, GrayU16 layerAlpha, GrayU16 healMask, HealConfig cfg, Progress progress) {
    ImageChecks.sameSize(layer, layerAlpha);
    ImageChecks.sameSize(layer, healMask);
    int w = layer.width;
    int h = layer.height;
    GrayU16 hole = new GrayU16(w, h);
    GrayU16 source = new GrayU16(w, h);
    boolean anyPainted = false;
    boolean anyOpaque = false;
    boolean anySource = false;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean painted = healMask.data[healMask.index(x, y)] != 0;
        boolean opaque = (layerAlpha.data[layerAlpha.index(x, y)] & 0xFFFF) == 65535;
        hole.data[y * w + x] = (short) (painted ? 65535 : 0);
        source.data[y * w + x] = (short) (opaque && !painted ? 65535 : 0);
        anyPainted |= painted;
        anyOpaque |= opaque;
        anySource |= opaque && !painted;
      }
    }
    if (anyPainted && !anyOpaque) {
      throw new UnsuitableInputException("the jewelry layer has no fully opaque pixel to heal from (is it faded or "
          + "feathered all over?)");
    }
    if (anyPainted && !anySource) {
      throw new UnsuitableInputException("the heal area covers every opaque pixel of the jewelry layer: nothing of "
          + "the piece is left to heal from; paint only the flaws");
    }
    return InpaintOps.inpaint(layer, hole, source, cfg.inpaint(), progress);
  }
}
