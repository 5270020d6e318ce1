// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.retouch.InstalledModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a request gets wrong is refused when it is made (400/406 naming it), not when its job runs. */
class RequestChecksTest {
  /** Bigger than the socket buffers on both sides: the client is still sending when the refusal is made. */
  private static final int LARGE_BODY = 24 << 20;
  static ServerHarness harness;

  @BeforeAll
  static void start() {
    harness = new ServerHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void a_null_frame_header_is_a_400_not_a_500() throws Exception {
    byte[] body = {0, 0, 0, 4, 'n', 'u', 'l', 'l'};
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, body, ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r)).isEqualTo("the frame header must be a JSON object, got null");
    byte[] array = {0, 0, 0, 2, '[', ']'};
    HttpResponse<byte[]> a = harness.post("/v1/jobs", Frame.MEDIA_TYPE, array, ServerHarness.TOKEN);
    assertThat(a.statusCode()).isEqualTo(400);
    assertThat(detail(a)).isEqualTo("the frame header must be a JSON object, got array");
  }

  /** Header errors name the place in the JSON or the field, never Loupe's Java classes. */
  @Test
  void frame_header_errors_name_the_field_not_a_java_class() throws Exception {
    byte[] broken = frame("{\"recipe\": ");
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, broken, ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r)).startsWith("the frame header is not valid JSON (line 1, column").doesNotContain("PanelJobHeader");
    byte[] wrongType = frame("{\"recipe\":\"pro\",\"document\":{\"width\":\"wide\"}}");
    HttpResponse<byte[]> w = harness.post("/v1/jobs", Frame.MEDIA_TYPE, wrongType, ServerHarness.TOKEN);
    assertThat(w.statusCode()).isEqualTo(400);
    assertThat(detail(w)).contains("field 'document.width'").doesNotContain("loupe.").doesNotContain("PanelJobHeader");
    // A field given twice was read as its last value.
    byte[] twice = frame("{\"recipe\":\"pro\",\"recipe\":\"quick\"}");
    HttpResponse<byte[]> t = harness.post("/v1/jobs", Frame.MEDIA_TYPE, twice, ServerHarness.TOKEN);
    assertThat(t.statusCode()).isEqualTo(400);
    assertThat(detail(t)).startsWith("the frame header names 'recipe' twice (line 1, column");
  }

  @Test
  void a_header_with_more_after_its_json_or_a_size_that_is_no_whole_number_is_refused() throws Exception {
    String valid = "{\"recipe\":\"quick\",\"document\":{\"width\":4,\"height\":4,\"bitDepth\":8,\"mode\":\"RGB\"},"
        + "\"buffers\":[]}";
    HttpResponse<byte[]> more = harness.post("/v1/jobs", Frame.MEDIA_TYPE, frame(valid + " {}"), ServerHarness.TOKEN);
    assertThat(more.statusCode()).isEqualTo(400);
    assertThat(detail(more)).startsWith("the frame header has more after its JSON object (from byte " + (valid.length() + 1));
    // Nor is 4.5, "4" or null a width.
    for (String width : List.of("4.5", "\"4\"", "null")) {
      String buffers = valid.replace("\"buffers\":[]", "\"buffers\":[{\"role\":\"jewelry\",\"width\":" + width + "}]");
      HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, frame(buffers), ServerHarness.TOKEN);
      assertThat(r.statusCode()).as(width).isEqualTo(400);
      assertThat(detail(r)).as(width).contains("field 'buffers[0].width'");
    }
  }

  /** A panel job that could not run is refused when it is sent, naming what is wrong, not accepted and failed. */
  @Test
  void buffers_and_options_a_job_could_not_run_with_are_refused_at_submission() throws Exception {
    BufferDescriptor jewelry = buffer("jewelry", 3, 0, 0, 4, 4);
    assertRefusedPanel(Map.of(), 4, List.of(new BufferDescriptor("jewelry", 4, 4, 3, 8, false, "chunky", null, null, 48)),
        "buffer 'jewelry': bounds are required");
    assertRefusedPanel(Map.of(), 4, List.of(jewelry, jewelry), "two buffers have the role 'jewelry'");
    assertRefusedPanel(Map.of(), 4, List.of(jewelry, buffer("background", 3, 0, 0, 2, 2)),
        "buffer 'background' must cover the whole document (left 0, top 0, right 4, bottom 4) with 3 components (no "
            + "alpha), got 3 at (left 0, top 0, right 2, bottom 2)");
    assertRefusedPanel(Map.of(), 4, List.of(jewelry, buffer("jewelryMask", 1, 0, 0, 2, 2)),
        "buffer 'jewelryMask' must be 1 component at the jewelry layer's bounds (left 0, top 0, right 4, bottom 4)");
    assertRefusedPanel(Map.of(), 4, List.of(jewelry, buffer("selection", 3, 0, 0, 4, 4)),
        "buffer 'selection' must have 1 component (a gray mask), got 3");
    assertRefusedPanel(Map.of("productMask", "selection"), 4, List.of(jewelry),
        "option productMask 'selection' needs a 'selection' buffer");
    assertRefusedPanel(Map.of("bogus", 1), 4, List.of(jewelry), "unknown option 'bogus' for a panel job (known: background");
    assertRefusedPanel(Map.of(), 0, List.of(jewelry), "document width and height must be positive, got 0×0");
  }

  private static BufferDescriptor buffer(String role, int components, int left, int top, int right, int bottom) {
    int w = right - left;
    int h = bottom - top;
    return new BufferDescriptor(role, w, h, components, 8, false, "chunky",
        new BufferDescriptor.Bounds(left, top, right, bottom), null, (long) w * h * components);
  }

  private static void assertRefusedPanel(Map<String, Object> options, int side, List<BufferDescriptor> buffers,
      String why) throws Exception {
    Map<String, Object> header = Map.of("recipe", "quick", "options", options,
        "document", Map.of("width", side, "height", side, "bitDepth", 8, "mode", "RGB"), "buffers", buffers);
    byte[][] bytes = buffers.stream().map(b -> new byte[(int) b.byteLength()]).toArray(byte[][]::new);
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header, bytes),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).as(why).isEqualTo(400);
    assertThat(detail(r)).startsWith(why);
  }

  /** Requests Jetty refuses before Loupe's routes see them get the same problem body, not an HTML page. */
  @Test
  void a_malformed_url_gets_a_problem_not_jettys_html_page() throws Exception {
    String response = harness.rawResponse("GET /v1/jobs/j-%00 HTTP/1.1\r\nHost: 127.0.0.1:" + harness.server.port()
        + "\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
        .contains("\"detail\":\"the HTTP request is malformed").doesNotContain("<html");
  }

  /** A client that stops sending before its Content-Length made a bad request (400), said in words, not "Early EOF". */
  @Test
  void an_upload_cut_off_before_its_declared_length_is_a_400_saying_so() throws Exception {
    String response = harness.rawResponse("POST /v1/psd-jobs?recipe=quick HTTP/1.1\r\nHost: 127.0.0.1:"
        + harness.server.port() + "\r\nAuthorization: Bearer " + ServerHarness.TOKEN
        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n8BPS and no more");
    assertThat(response).startsWith("HTTP/1.1 400")
        .contains("the request body ended before the length it declared").doesNotContain("Early EOF");
  }

  private static byte[] frame(String header) {
    byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[4 + h.length];
    java.nio.ByteBuffer.wrap(body).putInt(h.length).put(h);
    return body;
  }

  @Test
  void a_request_without_a_content_type_is_told_which_to_send() throws Exception {
    HttpResponse<byte[]> r = harness.http.send(HttpRequest.newBuilder(harness.uri("/v1/jobs"))
        .header("Authorization", "Bearer " + ServerHarness.TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8]))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(detail(r)).isEqualTo("Content-Type must be application/vnd.loupe.frame, got none");

    String large = harness.rawPostWhole("/v1/jobs", "text/plain", new byte[LARGE_BODY]);
    assertThat(large).startsWith("HTTP/1.1 415 ").contains("Content-Type must be application/vnd.loupe.frame, got "
        + "text/plain");
  }

  @Test
  void a_buffer_outside_the_document_is_refused_naming_it_and_its_bounds() throws Exception {
    BufferDescriptor jewelry = new BufferDescriptor("jewelry", 64, 64, 3, 8, false, "chunky",
        new BufferDescriptor.Bounds(100, 100, 164, 164), null, 64 * 64 * 3);
    Map<String, Object> header = Map.of("recipe", "quick",
        "document", Map.of("width", 300_000, "height", 1, "bitDepth", 8, "mode", "RGB"), "buffers", List.of(jewelry));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE,
        Frame.write(harness.json, header, new byte[64 * 64 * 3]), ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r)).startsWith("buffer 'jewelry': bounds (left 100, top 100, right 164, bottom 164) lie outside "
        + "the 300000×1 document");
  }

  /** A header's sizes are checked before memory is reserved from them: a wrong byteLength is a 400, not a 429. */
  @Test
  void a_buffer_whose_byte_length_is_wrong_is_a_400_even_when_it_is_huge() throws Exception {
    BufferDescriptor jewelry = new BufferDescriptor("jewelry", 4, 4, 3, 8, false, "chunky",
        new BufferDescriptor.Bounds(0, 0, 4, 4), null, 1L << 40);
    Map<String, Object> header = Map.of("recipe", "quick",
        "document", Map.of("width", 4, "height", 4, "bitDepth", 8, "mode", "RGB"), "buffers", List.of(jewelry));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE,
        Frame.write(harness.json, header, new byte[48]), ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r)).isEqualTo("buffer 'jewelry': byteLength 1099511627776 should be 48 "
        + "(width·height·components·bitDepth/8)");
  }

  @Test
  void an_unknown_product_mask_is_refused_at_submission() throws Exception {
    Map<String, Object> header = Map.of("recipe", "quick", "options", Map.of("productMask", "bogus"),
        "document", Map.of("width", 4, "height", 4, "bitDepth", 8, "mode", "RGB"),
        "buffers", List.of(new BufferDescriptor("jewelry", 4, 4, 3, 8, false, "chunky",
            new BufferDescriptor.Bounds(0, 0, 4, 4), null, 48)));
    HttpResponse<byte[]> panel = harness.post("/v1/jobs", Frame.MEDIA_TYPE,
        Frame.write(harness.json, header, new byte[48]), ServerHarness.TOKEN);
    assertThat(panel.statusCode()).isEqualTo(400);
    assertThat(detail(panel)).contains("unknown product-mask source 'bogus'");

    assertRefusedUpload("productMask=selection", "'selection' is for panel jobs");
  }

  @Test
  void an_inpainter_that_is_not_installed_is_refused_at_submission() throws Exception {
    assumeTrue(InstalledModels.installed().stream().noneMatch(m -> m.startsWith("migan:")), "migan is installed here");
    assertRefusedUpload("inpainter=migan", "the model 'migan' is not installed");
  }

  /**
   * A PSD upload with this query is a 400 saying {@code why}, whatever its body. The body is a
   * document's size, sent whole before the answer is read, as fetch does: a refusal made before the
   * body is read must still reach the client, not a broken pipe.
   */
  private static void assertRefusedUpload(String query, String why) throws Exception {
    byte[] body = new byte[LARGE_BODY];
    System.arraycopy(new byte[] {'8', 'B', 'P', 'S'}, 0, body, 0, 4);
    String response = harness.rawPostWhole("/v1/psd-jobs?" + query, "application/octet-stream", body);
    assertThat(response).startsWith("HTTP/1.1 400 ").contains(why);
  }

  @Test
  void events_without_accepting_an_event_stream_get_a_406_saying_what_to_send() throws Exception {
    HttpResponse<byte[]> r = harness.http.send(HttpRequest.newBuilder(harness.uri("/v1/jobs/j-0/events")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(detail(r)).contains("Accept: text/event-stream");
  }

  /** An unknown job is a 404 before any stream starts (not a 200 stream carrying a 404); other methods have no endpoint. */
  @Test
  void events_of_an_unknown_job_are_a_404_and_other_methods_have_no_endpoint() throws Exception {
    HttpResponse<byte[]> r = harness.http.send(HttpRequest.newBuilder(harness.uri("/v1/jobs/j-0/events"))
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(detail(r)).startsWith("no job with id j-0");
    HttpResponse<byte[]> post = harness.post("/v1/jobs/j-0/events", "application/json", new byte[0], ServerHarness.TOKEN);
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(detail(post)).startsWith("no endpoint POST /v1/jobs/j-0/events");
  }

  @Test
  void a_buffer_without_a_role_is_refused_naming_the_field() throws Exception {
    Map<String, Object> jewelry = jewelryDescriptor();
    jewelry.remove("role");
    assertThat(detail(postOneBuffer(jewelry))).startsWith("every buffer needs a 'role'");
  }

  /**
   * A client that waits for "100 Continue" before sending (curl with a large file) gets a request
   * refused from its headers at once: the server does not ask for, and read, a body it refuses.
   */
  @Test
  void a_refusal_from_the_headers_alone_does_not_ask_for_the_body() throws Exception {
    assertThat(harness.rawPostExpecting("/v1/psd-jobs?bogus=1", 300L << 20)).startsWith("HTTP/1.1 400 ");
  }

  /** 1 is not true: a panel that sends a number where the protocol says boolean has a bug to be told of. */
  @Test
  void a_number_for_a_boolean_field_is_refused_naming_the_field() throws Exception {
    Map<String, Object> jewelry = jewelryDescriptor();
    jewelry.put("fullRange", 1);
    assertThat(detail(postOneBuffer(jewelry))).contains("fullRange");
  }

  /** A 4×4 RGB jewelry buffer's descriptor as JSON fields, to be spoilt one field at a time. */
  private static Map<String, Object> jewelryDescriptor() {
    return new java.util.HashMap<>(Map.of("role", "jewelry", "width", 4, "height", 4, "components", 3, "bitDepth", 8,
        "fullRange", false, "layout", "chunky", "bounds", Map.of("left", 0, "top", 0, "right", 4, "bottom", 4),
        "byteLength", 48));
  }

  /** Posts a 4×4 RGB panel job with this one buffer; asserts it is a 400. */
  private static HttpResponse<byte[]> postOneBuffer(Map<String, Object> descriptor) throws Exception {
    Map<String, Object> header = Map.of("recipe", "quick",
        "document", Map.of("width", 4, "height", 4, "bitDepth", 8, "mode", "RGB"), "buffers", List.of(descriptor));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header, new byte[48]),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    return r;
  }

  @Test
  void a_query_parameter_given_twice_is_refused_rather_than_one_picked() throws Exception {
    assertRefusedUpload("recipe=quick&recipe=pro", "query parameter 'recipe' is given 2 times (quick, pro); give it once");
  }

  /** A panel upload cut short inside its chunked encoding says so, not "empty body". */
  @Test
  void a_panel_upload_with_a_broken_chunk_is_a_400_saying_the_body_ended() throws Exception {
    String response = harness.rawResponse("POST /v1/jobs HTTP/1.1\r\nHost: 127.0.0.1:" + harness.server.port()
        + "\r\nAuthorization: Bearer " + ServerHarness.TOKEN + "\r\nContent-Type: " + Frame.MEDIA_TYPE
        + "\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n");
    assertThat(response).startsWith("HTTP/1.1 400").contains("the request body ended before the length it declared");
  }

  /** Jetty's own refusals carry a problem for every method: the panel's token check is a DELETE. */
  @Test
  void a_delete_jetty_refuses_still_gets_a_problem_body() throws Exception {
    String response = harness.rawResponse("DELETE /v1/jobs/loupe-token-check HTTP/1.1\r\nHost: 127.0.0.1:"
        + harness.server.port() + "\r\nAuthorization: Bearer " + "x".repeat(64 * 1024) + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 431").containsIgnoringCase("Content-Type: application/problem+json")
        .contains("\"title\":\"Headers too large\"");
  }

  private static String detail(HttpResponse<byte[]> r) throws Exception {
    return harness.json.readTree(new String(r.body(), StandardCharsets.UTF_8)).get("detail").asText();
  }
}
