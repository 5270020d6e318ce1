// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

/**
 * Luminosity masks intersected with the product mask, for protecting what retouching must not
 * touch on the jewelry (retouch-facts §4.2, "jewelry mapping").
 */
public enum ProtectionPreset {
  /**
   * High-order lights of the neutral min(R,G,B): diamond sparkle and white-metal highlights, not
   * the highlights of yellow or rose gold (whose blue channel stays low).
   */
  DIAMOND_HIGHLIGHTS("diamond-highlights"),
  /** High-order darks of L: the deep reflections that give polished metal its shape. */
  METAL_SHADOWS("metal-shadows");

  public final String specName;

  ProtectionPreset(String specName) {
    this.specName = specName;
  }

  /** The tone mask behind the preset, at the orders of {@code config}. */
  public MaskSpec.Tone tone(LumaMaskConfig config) {
    return this == DIAMOND_HIGHLIGHTS
        ? new MaskSpec.Tone(ToneSource.NEUTRAL, ToneFamily.LIGHTS, config.highlightOrder())
        : new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.DARKS, config.shadowOrder());
  }
}
