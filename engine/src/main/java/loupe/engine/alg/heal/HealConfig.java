// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.heal;

import loupe.engine.alg.inpaint.InpaintConfig;

/**
 * Parameters of {@link HealOps#heal}: the inpainting parameters used on the jewelry layer.
 *
 * @param inpaint the fill; its {@link InpaintConfig#sourceGuard()} keeps the scratch's own halo
 *     around the painted mask out of the samples
 */
public record HealConfig(InpaintConfig inpaint) {

  public HealConfig {
    if (inpaint == null) {
      throw new IllegalArgumentException("HealConfig: inpaint must not be null");
    }
  }

  /**
   * Smaller patches than on the background (metal and stones have finer structure than a sweep), a
   * 2-pixel guard around the painted mask, and a patch fill for every stroke however thin: a
   * membrane smooths the surroundings into the stroke, which on metal drags a dark edge line or a
   * prong's shadow across it (a 7 px stroke on the example's band came out 10 levels darker than
   * the gold around it; with patches, within 1). Where the stroke's surroundings hold no whole
   * patch (a wire or prong thinner than one), the membrane fills it from them, rather than a wider
   * crop from another part of the piece (a reviewer healed a 4 px gold wire with the colour of a
   * stone 150 px away). Each patch fill's tone is matched to the metal around it: 36 unflawed
   * 10×50 px strokes healed on the dev scenes' jewelry came out 5.8 / 8.0 / 5.1 levels off the
   * pixels as shot on average (dev01 / dev02 / dev03; 9.8 / 9.8 / 11.5 without), with steps at their
   * edge like the metal's own (10.7 / 7.3 / 7.8 levels; 28.5 / 21.1 / 23.6 without).
   */
  public static HealConfig defaults() {
    return new HealConfig(InpaintConfig.defaults().withPatchSize(5).withSourceGuard(2).withSmallHoleWidth(0)
        .withWidenForPatches(false).withMatchTone(true));
  }
}
