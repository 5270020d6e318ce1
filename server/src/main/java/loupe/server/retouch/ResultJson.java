// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.LinkedHashMap;
import java.util.Map;
import loupe.engine.composite.BlendMode;
import loupe.engine.recipe.FidelityReport;

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

  /** The panel's names for blend modes ("normal", "multiply", "linearLight"), as Photoshop's DOM spells them. */
  public static String blendName(BlendMode mode) {
    return switch (mode) {
      case NORMAL -> "normal";
      case MULTIPLY -> "multiply";
      case LINEAR_LIGHT -> "linearLight";
    };
  }
}
