// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import loupe.engine.recipe.Recipe;
import loupe.server.LoupeInfo;

/** GET /v1/health: the handshake the panel checks before anything else. */
public final class HealthController {
  private final ServerConfig config;
  private final List<String> models;

  public HealthController(ServerConfig config, List<String> models) {
    this.config = config;
    this.models = models;
  }

  public void health(Context ctx) {
    ctx.json(Map.of(
        "name", LoupeInfo.NAME,
        "version", LoupeInfo.VERSION,
        "protocol", LoupeInfo.PROTOCOL,
        "capabilities", Map.of(
            "recipes", Arrays.stream(Recipe.values()).map(Recipe::id).toList(),
            "models", models,
            "depths", List.of(8, 16),
            "limits", Map.of(
                "maxUploadBytes", config.maxUploadBytes(),
                "maxPixels", config.maxPixels(),
                "maxConcurrentJobs", config.maxConcurrentJobs(),
                "maxQueuedJobs", config.maxQueuedJobs(),
                "memoryBudgetBytes", config.memoryBudgetBytes(),
                "jobTimeoutSeconds", config.jobTimeout().toSeconds()))));
  }

  public void openapi(Context ctx) {
    ctx.contentType("application/json").result(HealthController.class.getResourceAsStream("/openapi.json"));
  }
}
