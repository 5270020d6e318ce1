// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Where background layers go. With a protected layer they sit directly beneath it, unmasked (it
 * hides them where it is opaque). Above a flat photograph they are masked by the background weight
 * (65535 − protection), which is zero over the jewelry.
 */
final class LayerPlacer {
  private final RetouchInput in;
  private final String group;

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
      return new OutputLayer(name, pixels, null, mask, canvas, blend, 255, true, Placement.BELOW, group);
    }
    GrayU16 weight = MaskOps.invert(protect, null);
    GrayU16 combined = mask == null ? weight : MaskOps.intersect(mask, weight, null);
    return new OutputLayer(name, pixels, null, combined, canvas, blend, 255, true, Placement.ABOVE, group);
  }
}
