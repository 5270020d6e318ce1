// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** The channel a document saves each preset's mask in, for the retoucher to inspect or load. */
  private static final Map<ProtectionPreset, String> CHANNELS = Map.of(
      ProtectionPreset.DIAMOND_HIGHLIGHTS, "Loupe diamond highlights",
      ProtectionPreset.METAL_SHADOWS, "Loupe metal shadows");

  /**
   * @param protection the product mask widened by the presets
   * @param masks each preset's mask (within the product mask) by its channel name, in the order applied
   */
  record Widened(GrayU16 protection, Map<String, GrayU16> masks) {}

  private LuminosityProtection() {}

  static Widened widen(RetouchInput in, RecipeOptions opt) {
    List<ProtectionPreset> presets = new ArrayList<>();
    if (opt.protectHighlights()) {
      presets.add(ProtectionPreset.DIAMOND_HIGHLIGHTS);
    }
    if (opt.protectShadows()) {
      presets.add(ProtectionPreset.METAL_SHADOWS);
    }
    GrayU16 protect = in.productMask();
    Map<String, GrayU16> masks = new LinkedHashMap<>();
    if (presets.isEmpty()) {
      return new Widened(protect, masks);
    }
    Planar document = in.jewelry() == null ? in.image()
        : Compositor.flatten(in.image(), List.of(in.jewelry().asComposite()));
    List<MaskSpec> specs = presets.stream().<MaskSpec>map(MaskSpec.Preset::new).toList();
    Map<MaskSpec, GrayU16> computed = LuminosityMasks.computeSet(document, protect, specs, LumaMaskConfig.DEFAULT);
    for (int i = 0; i < presets.size(); i++) {
      GrayU16 mask = computed.get(specs.get(i));
      masks.put(CHANNELS.get(presets.get(i)), mask);
      protect = MaskOps.add(protect, mask, null);
    }
    return new Widened(protect, masks);
  }
}
