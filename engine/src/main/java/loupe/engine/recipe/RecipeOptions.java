// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.List;
import java.util.Locale;

/**
 * The options a retoucher sets in the panel or on the command line.
 *
 * @param background keep the sweep, fit a clean one, or pure white
 * @param denoise background denoise strength 0..1 (0 = off)
 * @param protectHighlights Editorial: widen protection around diamond highlights (luminosity mask)
 * @param protectShadows Editorial: widen protection around deep metal shadows
 * @param fsRadius frequency-separation radius in pixels (0 = no frequency-separation layers)
 * @param guardBand pixels around the product that background sampling never reads
 * @param inpainter what fills props (large holes): {@value #CLASSICAL} (the engine's own) or an
 *     installed inpainting model, {@code lama} or {@code migan}; dust and hair are always classical
 */
public record RecipeOptions(
    BackgroundMode background, double denoise, boolean protectHighlights, boolean protectShadows,
    double fsRadius, int guardBand, String inpainter) {
  /** The model-free inpainter, the default. */
  public static final String CLASSICAL = "classical";
  /** The values {@link #inpainter} accepts. */
  public static final List<String> INPAINTERS = List.of(CLASSICAL, "lama", "migan");

  public RecipeOptions {
    inpainter = inpainter == null ? CLASSICAL : inpainter.trim().toLowerCase(Locale.ROOT);
    if (!INPAINTERS.contains(inpainter)) {
      throw new IllegalArgumentException("unknown inpainter '" + inpainter + "' (use one of " + INPAINTERS + ")");
    }
    if (!(denoise >= 0 && denoise <= 1)) {
      throw new IllegalArgumentException("denoise strength " + denoise + " is not in 0..1");
    }
    if (!(fsRadius >= 0 && fsRadius <= 500)) {
      throw new IllegalArgumentException("frequency-separation radius " + fsRadius + " is not in 0..500 px");
    }
    if (guardBand < 0 || guardBand > 200) {
      throw new IllegalArgumentException("guard band " + guardBand + " is not in 0..200 px");
    }
  }

  /** Options with the classical inpainter. */
  public RecipeOptions(BackgroundMode background, double denoise, boolean protectHighlights, boolean protectShadows,
      double fsRadius, int guardBand) {
    this(background, denoise, protectHighlights, protectShadows, fsRadius, guardBand, CLASSICAL);
  }

  /** The documented defaults of each recipe (docs/recipes.md). */
  public static RecipeOptions defaults(Recipe recipe) {
    return switch (recipe) {
      case QUICK -> new RecipeOptions(BackgroundMode.KEEP, 0.0, false, false, 0, 4);
      case PRO -> new RecipeOptions(BackgroundMode.KEEP, 0.5, false, false, 8, 4);
      case EDITORIAL -> new RecipeOptions(BackgroundMode.KEEP, 0.5, true, true, 8, 4);
    };
  }

  public RecipeOptions withBackground(BackgroundMode mode) {
    return new RecipeOptions(mode, denoise, protectHighlights, protectShadows, fsRadius, guardBand, inpainter);
  }

  public RecipeOptions withDenoise(double strength) {
    return new RecipeOptions(background, strength, protectHighlights, protectShadows, fsRadius, guardBand, inpainter);
  }

  public RecipeOptions withFsRadius(double radius) {
    return new RecipeOptions(background, denoise, protectHighlights, protectShadows, radius, guardBand, inpainter);
  }

  public RecipeOptions withProtection(boolean highlights, boolean shadows) {
    return new RecipeOptions(background, denoise, highlights, shadows, fsRadius, guardBand, inpainter);
  }

  public RecipeOptions withInpainter(String name) {
    return new RecipeOptions(background, denoise, protectHighlights, protectShadows, fsRadius, guardBand, name);
  }
}
