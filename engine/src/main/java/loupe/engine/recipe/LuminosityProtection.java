// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.alg.lumamask.ProtectionPreset;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.composite.Compositor;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Editorial protection: at the product's soft edge, pixels that are diamond highlights (high-order
 * lights of the neutral min(R,G,B)) or deep metal shadows (high-order darks) are protected more
 * strongly, so background work blends less into sparkle and into the dark rims of polished metal.
 * The presets are already intersected with the product mask, so the result only grows where
 * P &gt; 0: {@code P' = P + preset − P·preset}.
 */
final class LuminosityProtection {
  private LuminosityProtection() {}

  static GrayU16 widen(RetouchInput in, RecipeOptions opt) {
    List<MaskSpec> presets = new ArrayList<>();
    if (opt.protectHighlights()) {
      presets.add(new MaskSpec.Preset(ProtectionPreset.DIAMOND_HIGHLIGHTS));
    }
    if (opt.protectShadows()) {
      presets.add(new MaskSpec.Preset(ProtectionPreset.METAL_SHADOWS));
    }
    GrayU16 protect = in.productMask();
    if (presets.isEmpty()) {
      return protect;
    }
    Planar document = in.jewelry() == null ? in.image()
        : Compositor.flatten(in.image(), List.of(in.jewelry().asComposite()));
    for (GrayU16 mask : LuminosityMasks.computeSet(document, protect, presets, LumaMaskConfig.DEFAULT).values()) {
      protect = MaskOps.add(protect, mask, null);
    }
    return protect;
  }
}
