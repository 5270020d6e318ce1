// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Arrays;
import java.util.Locale;

/** The three retouching recipes (see ARCHITECTURE.md and docs/recipes.md). */
public enum Recipe {
  /** High-volume e-commerce: automatic product mask, background defects and props removed. */
  QUICK("Quick"),
  /** Complex pieces: path or layer mask, background inpainted and denoised, frequency-separation layers. */
  PRO("Pro"),
  /** Luxury shots: Pro plus luminosity protection of diamond highlights and metal shadows, and healing. */
  EDITORIAL("Editorial");

  public final String title;

  Recipe(String title) {
    this.title = title;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "quick", "pro" or "editorial" (any case); the message lists the valid names. */
  public static Recipe parse(String name) {
    for (Recipe r : values()) {
      if (r.id().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown recipe '" + name + "' (use one of "
        + Arrays.stream(values()).map(Recipe::id).toList() + ")");
  }
}
