// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

/**
 * Settings for {@link LuminosityMasks}.
 *
 * @param weights how L is formed from R, G, B
 * @param highlightOrder the Lights order of {@link ProtectionPreset#DIAMOND_HIGHLIGHTS} (1..6)
 * @param shadowOrder the Darks order of {@link ProtectionPreset#METAL_SHADOWS} (1..6)
 */
public record LumaMaskConfig(LumaWeights weights, int highlightOrder, int shadowOrder) {
  /** Rec. 709 weights; presets at order 4, the low end of the L⁴–L⁶ range retouchers use. */
  public static final LumaMaskConfig DEFAULT = new LumaMaskConfig(LumaWeights.REC709, 4, 4);

  public LumaMaskConfig {
    if (weights == null) {
      throw new IllegalArgumentException("luminance weights are null");
    }
    checkOrder("highlight", highlightOrder);
    checkOrder("shadow", shadowOrder);
  }

  private static void checkOrder(String name, int order) {
    if (order < 1 || order > 6) {
      throw new IllegalArgumentException(name + " order must be 1..6, got " + order);
    }
  }

  public LumaMaskConfig withWeights(LumaWeights newWeights) {
    return new LumaMaskConfig(newWeights, highlightOrder, shadowOrder);
  }

  public LumaMaskConfig withPresetOrders(int highlights, int shadows) {
    return new LumaMaskConfig(weights, highlights, shadows);
  }
}
