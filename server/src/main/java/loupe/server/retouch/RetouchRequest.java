// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Map;
import loupe.engine.recipe.BackgroundMode;
import loupe.engine.recipe.Recipe;
import loupe.engine.recipe.RecipeOptions;
import loupe.server.UserError;

/**
 * One retouch request, whatever its transport (CLI, PSD upload, panel frame).
 *
 * @param recipe quick, pro or editorial
 * @param options the recipe's options (defaults per recipe, then the user's overrides)
 * @param protectLayer the protected layer's name, or null for the documented rule (ProtectedLayerRule)
 * @param maskSource where the product mask comes from: auto, layer, selection, path[:NAME], channel:NAME; null = default
 */
public record RetouchRequest(Recipe recipe, RecipeOptions options, String protectLayer, String maskSource) {

  /** Builds a request from recipe defaults plus optional overrides (null = keep the default). */
  public static RetouchRequest of(String recipeName, String background, Double denoise, Double fsRadius,
      Boolean protectHighlights, Boolean protectShadows, String protectLayer, String maskSource) {
    Recipe recipe;
    RecipeOptions options;
    try {
      recipe = Recipe.parse(recipeName == null ? "pro" : recipeName);
      options = RecipeOptions.defaults(recipe);
      if (background != null) {
        options = options.withBackground(BackgroundMode.parse(background));
      }
      if (denoise != null) {
        options = options.withDenoise(denoise);
      }
      if (fsRadius != null) {
        options = options.withFsRadius(fsRadius);
      }
      if (protectHighlights != null || protectShadows != null) {
        options = options.withProtection(
            protectHighlights != null ? protectHighlights : options.protectHighlights(),
            protectShadows != null ? protectShadows : options.protectShadows());
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return new RetouchRequest(recipe, options, protectLayer, maskSource);
  }

  /**
   * This request with the inpainter for props: classical, lama or migan (null = keep). Whether the
   * model is installed is checked when the job runs.
   */
  public RetouchRequest withInpainter(String inpainter) {
    if (inpainter == null) {
      return this;
    }
    try {
      return new RetouchRequest(recipe, options.withInpainter(inpainter), protectLayer, maskSource);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** From the query string of POST /v1/psd-jobs. */
  public static RetouchRequest fromQuery(Map<String, List<String>> query) {
    return of(first(query, "recipe"), first(query, "background"), number(query, "denoise"), number(query, "fsRadius"),
        bool(query, "protectHighlights"), bool(query, "protectShadows"), first(query, "protectLayer"),
        first(query, "productMask")).withInpainter(first(query, "inpainter"));
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Double number(Map<String, List<String>> query, String key) {
    String v = first(query, key);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UserError("query parameter " + key + "='" + v + "' is not a number");
    }
  }

  private static Boolean bool(Map<String, List<String>> query, String key) {
    return flag("query parameter " + key, first(query, key));
  }

  /**
   * A yes/no option: "true" or "false" in any case, null when absent. Anything else ("1", "yes")
   * is refused rather than read as false, which would silently drop the protection asked for.
   *
   * @param name the option as the user wrote it, for the message
   */
  public static Boolean flag(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.valueOf(value);
    }
    throw new UserError(name + "='" + value + "' must be true or false");
  }
}
