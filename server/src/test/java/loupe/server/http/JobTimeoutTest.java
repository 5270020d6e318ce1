// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.testing.TestImages;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.protocol.PixelCodec;
import org.junit.jupiter.api.Test;

/** The per-job time limit reaches a real recipe: the job stops mid-way and fails, it does not run to done. */
class JobTimeoutTest {
  @Test
  void a_real_job_past_its_time_limit_fails_with_a_504_problem() throws Exception {
    ServerConfig d = ServerConfig.defaults(0, ServerHarness.TOKEN);
    ServerConfig config = new ServerConfig(d.host(), 0, d.token(), d.maxUploadBytes(), d.maxPixels(), 1, 1,
        Duration.ofMillis(300), d.resultTtl());
    try (ServerHarness h = new ServerHarness(config)) {
      HttpResponse<byte[]> created = h.post("/v1/jobs", Frame.MEDIA_TYPE, request(h), ServerHarness.TOKEN);
      assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
      JsonNode job = h.awaitJob(h.json(created).get("id").asText());
      assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("failed");
      assertThat(job.at("/problem/status").asInt()).isEqualTo(504);
      assertThat(job.at("/problem/detail").asText()).contains("time limit");
    }
  }

  /** dev01 as one full-canvas RGBA jewelry layer (the truth mask as alpha), 8-bit, Pro. */
  private static byte[] request(ServerHarness h) throws Exception {
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");
    Planar photo = TestImages.readRgb(scene.resolve("input.png"));
    GrayU16 mask = TestImages.readGray(scene.resolve("truth_mask.png"));
    byte[] jewel = PixelCodec.encode(photo, mask, 8, false);
    Rect canvas = Rect.ofSize(photo.width, photo.height);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", "pro");
    header.put("document", Map.of("width", photo.width, "height", photo.height, "bitDepth", 8, "mode", "RGB"));
    header.put("buffers", List.of(new BufferDescriptor("jewelry", photo.width, photo.height, 4, 8, false, "chunky",
        BufferDescriptor.Bounds.of(canvas), null, jewel.length)));
    return Frame.write(h.json, header, jewel);
  }
}
