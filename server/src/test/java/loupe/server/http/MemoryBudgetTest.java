// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.image.Rect;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admission by memory over HTTP: jobs that can never fit are refused by their declared size alone. */
class MemoryBudgetTest {
  static final long BUDGET = 256L << 20;
  static ServerHarness harness;

  @BeforeAll
  static void start() {
    harness = new ServerHarness(ServerConfig.defaults(0, ServerHarness.TOKEN).withMemoryBudget(BUDGET));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void a_panel_job_larger_than_the_budget_is_413_after_its_header_before_its_buffers() throws Exception {
    int w = 4000;
    int h = 3000;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", "quick");
    header.put("document", Map.of("width", w, "height", h, "bitDepth", 16, "mode", "RGB"));
    header.put("buffers", List.of(new BufferDescriptor("jewelry", w, h, 4, 16, false, "chunky",
        BufferDescriptor.Bounds.of(Rect.ofSize(w, h)), null, (long) w * h * 8)));
    // The header alone: were the buffers read, this would be a 400 "truncated".
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(harness.json(r).get("detail").asText())
        .contains("this 12.0 MP 16-bit panel job (quick) needs about 1.3 GB of working memory, more than the server's "
            + "whole memory budget of 256 MB");

    // With its pixels following, sent whole before the answer is read (as fetch does): the refusal
    // still arrives, not a broken pipe (only a body over the upload limit is not read to its end).
    byte[] head = Frame.write(harness.json, header);
    byte[] sent = java.util.Arrays.copyOf(head, head.length + (24 << 20));
    assertThat(harness.rawPostWhole("/v1/jobs", Frame.MEDIA_TYPE, sent)).startsWith("HTTP/1.1 413 ")
        .contains("whole memory budget of 256 MB");
  }

  @Test
  void sizes_that_overflow_a_long_are_refused_not_wrapped_into_an_admission() throws Exception {
    int max = Integer.MAX_VALUE;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", "pro");
    header.put("document", Map.of("width", max, "height", max, "bitDepth", 16, "mode", "RGB"));
    header.put("buffers", List.of(new BufferDescriptor("jewelry", max, max, max, 16, false, "chunky",
        new BufferDescriptor.Bounds(0, 0, max, max), null, Long.MAX_VALUE)));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(harness.json(r).get("detail").asText()).startsWith("document 2147483647×2147483647 is outside 1..");
  }

  @Test
  void a_psd_whose_header_declares_more_than_the_budget_is_413() throws Exception {
    // File header section: signature, version 1, 6 reserved, 3 channels, 20000 × 20000, 16-bit, RGB;
    // then empty colour mode data, image resources and layer sections.
    ByteBuffer psd = ByteBuffer.allocate(26 + 12);
    psd.put("8BPS".getBytes()).putShort((short) 1).put(new byte[6]).putShort((short) 3).putInt(20000).putInt(20000)
        .putShort((short) 16).putShort((short) 3).putInt(0).putInt(0).putInt(0);
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=pro", "application/octet-stream", psd.array(),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(harness.json(r).get("detail").asText()).contains("400.0 MP file job (pro)", "memory budget of 256 MB");
  }

  /**
   * A small canvas with a layer as large as a PSB canvas may be: the refusal says the layer records,
   * not the 1 MP canvas, need the memory, and gives it in units that read as a size. (Longer sides
   * are a damaged record, which the job's reader refuses naming it: PsdJobTest.)
   */
  @Test
  void a_psd_whose_layer_records_declare_more_than_the_budget_says_so() throws Exception {
    // 1000 × 1000 8-bit RGB, then one layer of 3 channels with bounds (0, 0, 300000, 300000).
    ByteBuffer psd = ByteBuffer.allocate(26 + 8 + 4 + 4 + 2 + 16 + 2 + 3 * 6 + 12 + 4);
    psd.put("8BPS".getBytes()).putShort((short) 1).put(new byte[6]).putShort((short) 3).putInt(1000).putInt(1000)
        .putShort((short) 8).putShort((short) 3).putInt(0).putInt(0)
        .putInt(4 + 2 + 16 + 2 + 3 * 6 + 12 + 4).putInt(2 + 16 + 2 + 3 * 6 + 12 + 4).putShort((short) 1)
        .putInt(0).putInt(0).putInt(300_000).putInt(300_000).putShort((short) 3);
    for (int c = 0; c < 3; c++) {
      psd.putShort((short) c).putInt(2);
    }
    psd.put("8BIMnorm".getBytes()).put((byte) 255).put(new byte[3]).putInt(0);
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=quick", "application/octet-stream", psd.array(),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(harness.json(r).get("detail").asText())
        .contains("1.0 MP file job (quick), whose layer records declare 270,003,000,000 channel samples,")
        .contains("needs about 503.0 GB of working memory");
  }

  @Test
  void health_and_openapi_announce_the_budget_and_the_refusals() throws Exception {
    JsonNode limits = harness.json(harness.get("/v1/health")).at("/capabilities/limits");
    assertThat(limits.get("memoryBudgetBytes").asLong()).isEqualTo(BUDGET);
    assertThat(limits.get("jobTimeoutSeconds").asLong()).isPositive();
    JsonNode spec = harness.json(harness.get("/v1/openapi.json"));
    for (String path : List.of("/v1/jobs", "/v1/psd-jobs")) {
      JsonNode responses = spec.at("/paths/" + path.replace("/", "~1") + "/post/responses");
      assertThat(responses.has("413")).as(path).isTrue();
      assertThat(responses.at("/429/headers/Retry-After").isMissingNode()).as(path).isFalse();
    }
  }
}
