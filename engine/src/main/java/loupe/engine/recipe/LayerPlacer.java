// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Where background layers go. With a protected layer they sit directly beneath it: unmasked where
 * the protection is the layer's own coverage (it hides them where it is opaque), and masked by
 * 65535 − protection where the protection reaches beyond it (an automatic mask or a path on a
 * layered document, Editorial's widening at the edge), so that the layers beneath still show there
 * as shot. Above a flat photograph they are masked by the background weight (65535 − protection),
 * which is zero over the jewelry.
 */
final class LayerPlacer {
  private final RetouchInput in;
  private final String group;
  private GrayU16 beyondFor;
  private GrayU16 beyond;

  LayerPlacer(RetouchInput in, String group) {
    this.in = in;
    this.group = group;
  }

  /** A full-canvas normal layer. */
  OutputLayer background(String name, Planar pixels, GrayU16 protect) {
    return masked(name, pixels, null, protect, BlendMode.NORMAL);
  }

  /** A full-canvas layer with its own mask (null = none), restricted to the background when above. */
  OutputLayer masked(String name, Planar pixels, GrayU16 mask, GrayU16 protect, BlendMode blend) {
    Rect canvas = Rect.ofSize(in.width(), in.height());
    if (in.jewelry() != null) {
      GrayU16 keep = beyondJewelry(protect);
      GrayU16 combined = keep == null ? mask : mask == null ? keep : MaskOps.intersect(mask, keep, null);
      return new OutputLayer(name, pixels, null, combined, canvas, blend, 255, true, Placement.BELOW, group);
    }
    GrayU16 weight = MaskOps.invert(protect, null);
    GrayU16 combined = mask == null ? weight : MaskOps.intersect(mask, weight, null);
    return new OutputLayer(name, pixels, null, combined, canvas, blend, 255, true, Placement.ABOVE, group);
  }

  /**
   * 65535 − P where the protection P exceeds the protected layer's coverage, 65535 elsewhere; null
   * when it exceeds it nowhere (the protection is the layer itself). Computed once per protection.
   */
  private GrayU16 beyondJewelry(GrayU16 protect) {
    if (protect == beyondFor) {
      return beyond;
    }
    ProtectedLayer jewelry = in.jewelry();
    GrayU16 coverage = jewelry.coverage();
    Rect b = jewelry.bounds();
    GrayU16 out = GrayU16.filled(protect.width, protect.height, 65535);
    boolean any = false;
    for (int y = 0; y < protect.height; y++) {
      for (int x = 0; x < protect.width; x++) {
        int p = protect.get(x, y);
        int c = b.contains(x, y) ? coverage.get(x - b.left(), y - b.top()) : 0;
        if (p > c) {
          out.set(x, y, 65535 - p);
          any = true;
        }
      }
    }
    beyondFor = protect;
    beyond = any ? out : null;
    return beyond;
  }
}
