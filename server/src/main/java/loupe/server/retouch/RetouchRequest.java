// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * @param healSource where the Editorial heal mask comes from (white = heal): channel:NAME; null = none
 * @param propSource where the prop mask comes from (white = a prop to remove): channel:NAME or path:NAME;
 *     null = none given (Quick then removes the props it finds itself)
 */
public record RetouchRequest(Recipe recipe, RecipeOptions options, String protectLayer, String maskSource,
    String healSource, String propSource) {
  /** What {@code auto:NAME} may name: the engine's own segmenter, or the optional IS-Net model. */
  private static final Set<String> AUTO_MODELS = Set.of("", "classical", "isnet");

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
    return new RetouchRequest(recipe, options, protectLayer, maskSource(maskSource), null, null);
  }

  /**
   * The product-mask source, checked when the request is made rather than when its job runs:
   * layer, auto[:classical|isnet], path[:NAME], channel:NAME|N, or selection (panel jobs). The kind is
   * lower-cased; a path's or channel's name keeps its case.
   */
  private static final String MASK_SOURCES = "layer, auto, auto:classical, auto:isnet, path[:NAME], channel:NAME or "
      + "channel:N (a saved selection), or selection for panel jobs";

  static String maskSource(String source) {
    if (source == null) {
      return null;
    }
    String s = source.trim();
    if (s.isEmpty()) {
      // productMask= (nothing after it) is a slip, as background= is, not a request for the default.
      throw new UserError("the product-mask source is empty (use " + MASK_SOURCES + ")");
    }
    int colon = s.indexOf(':');
    String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
    String name = colon < 0 ? null : s.substring(colon + 1);
    boolean valid = switch (kind) {
      case "layer", "selection" -> name == null;
      case "auto" -> name == null || AUTO_MODELS.contains(name.toLowerCase(Locale.ROOT));
      case "path" -> true;
      case "channel" -> name != null && !name.isEmpty();
      default -> false;
    };
    if (!valid) {
      throw new UserError("unknown product-mask source '" + s + "' (use " + MASK_SOURCES + ")");
    }
    return name == null ? kind : kind + ":" + (kind.equals("auto") ? name.toLowerCase(Locale.ROOT) : name);
  }

  /**
   * This request for a file (CLI or PSD upload), which carries no selection: a 'selection' mask is
   * refused now instead of failing when the job runs.
   */
  public RetouchRequest forFile() {
    if ("selection".equals(maskSource)) {
      throw new UserError("the product-mask source 'selection' is for panel jobs (a file carries no selection); "
          + "use layer, auto, path[:NAME] or channel:NAME");
    }
    return this;
  }

  /**
   * This request for a panel job, which carries its masks as buffers, not a file: a mask saved in a
   * document ({@code path}, {@code channel}) is refused now instead of failing when the job runs.
   */
  public RetouchRequest forPanel() {
    if (maskSource != null && SavedMasks.isSaved(maskSource)) {
      throw new UserError("the product-mask source '" + maskSource + "' reads a mask saved in a PSD/PSB file; a panel "
          + "job sends layer, auto, auto:classical, auto:isnet or selection (load a saved channel as the selection)");
    }
    return this;
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
      return new RetouchRequest(recipe, options.withInpainter(inpainter), protectLayer, maskSource, healSource,
          propSource);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * This request with the area to heal on the jewelry (Editorial): {@code channel:NAME}, a saved
   * alpha channel of the document, white = heal (null = keep). The channel is looked up when the job runs.
   */
  public RetouchRequest withHeal(String source) {
    return source == null ? this : new RetouchRequest(recipe, options, protectLayer, maskSource,
        fileMaskSource("heal", source, Set.of("channel"),
            "channel:NAME (a saved alpha channel of the document, white = heal)"), propSource);
  }

  /**
   * This request with the props to remove: {@code channel:NAME} (a saved alpha channel, white =
   * prop) or {@code path:NAME} (a saved path), null = keep. A given prop mask replaces the props
   * Quick finds by itself; its pixels near the jewelry are never changed (the recipes' guard band).
   */
  public RetouchRequest withProps(String source) {
    return source == null ? this : new RetouchRequest(recipe, options, protectLayer, maskSource, healSource,
        fileMaskSource("props", source, Set.of("channel", "path"),
            "channel:NAME (a saved alpha channel of the document, white = prop) or path:NAME (a saved path)"));
  }

  /**
   * A mask saved in the document, {@code KIND:NAME} with KIND one of {@code kinds}, checked when the
   * request is made. The kind is lower-cased; the name keeps its case.
   *
   * @param option the option as the CLI and the query string name it, for the message
   * @param usage what to write instead, for the message
   */
  private static String fileMaskSource(String option, String source, Set<String> kinds, String usage) {
    String s = source.trim();
    int colon = s.indexOf(':');
    String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
    if (colon < 0 || colon == s.length() - 1 || !kinds.contains(kind)) {
      throw new UserError(option + " '" + s + "': use " + usage);
    }
    return kind + ":" + s.substring(colon + 1);
  }

  /** From the query string of POST /v1/psd-jobs. */
  public static RetouchRequest fromQuery(Map<String, List<String>> query) {
    return of(first(query, "recipe"), first(query, "background"), number(query, "denoise"), number(query, "fsRadius"),
        bool(query, "protectHighlights"), bool(query, "protectShadows"), first(query, "protectLayer"),
        first(query, "productMask")).withInpainter(first(query, "inpainter")).withHeal(first(query, "heal"))
        .withProps(first(query, "props")).forFile();
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
