// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.composite.BlendMode;
import loupe.engine.recipe.FidelityReport;
import loupe.engine.recipe.ModelUse;

/** The JSON shapes of results shared by the HTTP API and the CLI's --report. */
public final class ResultJson {
  private ResultJson() {}

  public static Map<String, Object> fidelity(FidelityReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protectedPixels", f.protectedPixels());
    m.put("changedPixels", f.changedPixels());
    m.put("healedPixels", f.healedPixels());
    m.put("inputSha256", f.inputSha256());
    m.put("outputSha256", f.outputSha256());
    m.put("verdict", f.bitExact() ? "bit-exact" : "violated");
    return m;
  }

  /** Which model produced what: {@code [{"id", "variant", "sha256", "step"}]}, empty when no model was used. */
  public static List<Map<String, Object>> models(List<ModelUse> models) {
    return models.stream().map(m -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", m.id());
      e.put("variant", m.variant());
      e.put("sha256", m.sha256());
      e.put("step", m.step());
      return e;
    }).toList();
  }

  /** The panel's names for blend modes ("normal", "multiply", "linearLight"), as Photoshop's DOM spells them. */
  public static String blendName(BlendMode mode) {
    return switch (mode) {
      case NORMAL -> "normal";
      case MULTIPLY -> "multiply";
      case LINEAR_LIGHT -> "linearLight";
    };
  }
}
