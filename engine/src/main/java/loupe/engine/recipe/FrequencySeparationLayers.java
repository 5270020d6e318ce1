// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.alg.mask.MaskOps;
import java.util.List;
import java.util.Locale;
import loupe.engine.alg.freqsep.FrequencyLayers;
import loupe.engine.alg.freqsep.FrequencySeparation;
import loupe.engine.composite.BlendMode;
import loupe.engine.composite.Compositor;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Frequency-separation layers of the jewelry for manual cleanup: Low (Gaussian) and High in
 * Linear Light, in their own group above the protected layer. They are split from the picture as
 * the job delivers it (the jewelry over the job's own layers beneath it: a new background, not the
 * old one) and cover every pixel the jewelry shows in fully. (Split from the jewelry layer alone
 * and shaped by its coverage a, they put a·J + (1 − a)·C where C was: off by a(1 − a)(J − B) on the
 * anti-aliased edge, 12.6 levels on the example, found by an audit.) They are added hidden:
 * visible, the 1-bit halving of the recipes would move pixels by up to one level, so the delivered
 * composite stays bit-exact until the retoucher switches the group on to start work.
 */
final class FrequencySeparationLayers {
  private FrequencySeparationLayers() {}

  /** @param added the job's layers so far (a new background beneath the jewelry, a heal above it) */
  static List<OutputLayer> of(RetouchInput in, double radius, List<OutputLayer> added) {
    Rect canvas = Rect.ofSize(in.width(), in.height());
    Planar shown;
    GrayU16 reach;
    if (in.jewelry() != null) {
      shown = Compositor.flatten(in.image(), FidelityGuard.stack(in, added));
      // An 8-bit document shows 8-bit values, and the split's rounding is exact for those.
      for (GrayU16 band : shown.bands) {
        in.depth().quantize(band);
      }
      reach = in.jewelry().documentCoverage(in.width(), in.height());
    } else {
      shown = in.image();
      reach = in.productMask();
    }
    Rect bounds = MaskOps.support(reach).intersect(canvas);
    if (bounds.isEmpty()) {
      return List.of();
    }
    Planar source = shown.subimage(bounds.left(), bounds.top(), bounds.right(), bounds.bottom());
    GrayU16 coverage = new GrayU16(bounds.width(), bounds.height());
    for (int y = 0; y < bounds.height(); y++) {
      for (int x = 0; x < bounds.width(); x++) {
        coverage.set(x, y, reach.get(bounds.left() + x, bounds.top() + y) > 0 ? 65535 : 0);
      }
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
