// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.alg.mask.MaskOps;
import java.util.List;
import java.util.Locale;
import loupe.engine.alg.freqsep.FrequencyLayers;
import loupe.engine.alg.freqsep.FrequencySeparation;
import loupe.engine.composite.BlendMode;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Frequency-separation layers of the jewelry for manual cleanup: Low (Gaussian) and High in
 * Linear Light, shaped by the jewelry's own coverage, in their own group above the protected layer.
 * They are added hidden: visible, the 1-bit halving of the recipes would move jewelry pixels by up
 * to one level, so the delivered composite stays bit-exact until the retoucher switches the group
 * on to start work.
 */
final class FrequencySeparationLayers {
  private FrequencySeparationLayers() {}

  static List<OutputLayer> of(RetouchInput in, double radius) {
    Planar source;
    GrayU16 coverage;
    Rect bounds;
    if (in.jewelry() != null) {
      source = in.jewelry().pixels();
      coverage = in.jewelry().coverage();
      bounds = in.jewelry().bounds();
    } else {
      bounds = MaskOps.support(in.productMask());
      if (bounds.isEmpty()) {
        return List.of();
      }
      source = in.image().subimage(bounds.left(), bounds.top(), bounds.right(), bounds.bottom());
      coverage = in.productMask().subimage(bounds.left(), bounds.top(), bounds.right(), bounds.bottom()).copy();
    }
    FrequencyLayers split = FrequencySeparation.split(source, in.depth(), radius);
    String group = String.format(Locale.ROOT, "Loupe frequency separation (radius %.1f)", radius);
    return List.of(
        new OutputLayer("Low frequency (colour, tone)", split.low(), coverage, null, bounds, BlendMode.NORMAL, 255,
            false, Placement.ABOVE, group),
        new OutputLayer("High frequency (texture, dust)", split.high(), coverage, null, bounds,
            BlendMode.LINEAR_LIGHT, 255, false, Placement.ABOVE, group));
  }
}
