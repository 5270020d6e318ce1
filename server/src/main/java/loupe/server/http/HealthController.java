// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import loupe.engine.recipe.Recipe;
import loupe.server.LoupeInfo;

/** GET /v1/health: the handshake the panel checks before anything else. */
public final class HealthController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServerConfig config;
  /** The installed models, asked at each handshake: one added while the server runs is listed. */
  private final Supplier<List<String>> models;

  public HealthController(ServerConfig config, Supplier<List<String>> models) {
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
            "models", models.get(),
            "depths", List.of(8, 16),
            "limits", Map.of(
                "maxUploadBytes", config.maxUploadBytes(),
                "maxPixels", config.maxPixels(),
                "maxConcurrentJobs", config.maxConcurrentJobs(),
                "maxQueuedJobs", config.maxQueuedJobs(),
                "memoryBudgetBytes", config.memoryBudgetBytes(),
                "jobTimeoutSeconds", config.jobTimeout().toSeconds()))));
  }

  /**
   * The description, naming this server as the client reached it (its Host, which the request guard
   * has checked is this loopback port; the file names the default one).
   */
  public void openapi(Context ctx) throws IOException {
    ObjectNode spec;
    try (InputStream in = HealthController.class.getResourceAsStream("/openapi.json")) {
      spec = (ObjectNode) JSON.readTree(in);
    }
    spec.putArray("servers").addObject().put("url", "http://" + ctx.host());
    ctx.contentType("application/json").result(JSON.writeValueAsString(spec));
  }
}
