// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

/**
 * The per-pixel value a luminosity mask is a curve of. Gray documents have one band: luminance
 * and neutral are that band, chroma is 0, and the colour channels do not exist.
 */
public enum ToneSource {
  /** L by {@link LumaWeights}. Tone masks on it have no prefix: {@code lights3}. */
  LUMINANCE(""),
  RED("red"),
  GREEN("green"),
  BLUE("blue"),
  /**
   * min(R, G, B): the "whites" of a pixel. High only where all three channels are high, so
   * saturated yellow gold (low blue) is not selected while a white diamond sparkle is.
   */
  NEUTRAL("neutral"),
  /**
   * max(R, G, B) − min(R, G, B): chroma, the saturation measure Photoshop's Hue/Saturation works
   * with. Used instead of HSB/HSL saturation, which (as TK notes) overstates dark colours.
   */
  CHROMA("chroma");

  /** The name prefix of tone masks on this source ({@code red} in {@code red-lights3}). */
  public final String prefix;

  ToneSource(String prefix) {
    this.prefix = prefix;
  }

  /** True if it exists only in RGB documents. */
  public boolean needsColour() {
    return this == RED || this == GREEN || this == BLUE;
  }
}
