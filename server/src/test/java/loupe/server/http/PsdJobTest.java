// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.retouch.RetouchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PSD jobs over HTTP: upload, follow, download under the upload's name; bad options, damaged uploads and upload limits. */
class PsdJobTest {
  static final Path EXAMPLE = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
  static ServerHarness harness;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    harness = new ServerHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void a_body_declared_over_the_upload_limit_is_refused_before_any_of_it_is_sent() throws Exception {
    // 3 GiB declared, 2 GiB allowed: the answer must come without the body (none is ever sent).
    assertThat(harness.rawPostDeclaring("/v1/psd-jobs?recipe=pro", 3L << 30, ServerHarness.TOKEN))
        .isEqualTo("HTTP/1.1 413 Payload Too Large");
  }

  @Test
  void a_large_body_without_the_token_is_refused_without_being_read() throws Exception {
    // Were it read, a client trickling it would hold a server thread; it gets its 401 at once.
    assertThat(harness.rawPostDeclaring("/v1/psd-jobs?recipe=pro", 100L << 20, null))
        .isEqualTo("HTTP/1.1 401 Unauthorized");
  }

  @Test
  void a_psd_job_returns_a_psd_whose_jewelry_layer_is_identical_and_locked() throws Exception {
    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?recipe=pro", "application/octet-stream",
        Files.readAllBytes(EXAMPLE), ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
    String id = harness.json(created).get("id").asText();
    JsonNode job = harness.awaitJob(id);
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.at("/result/fidelity/changedPixels").asLong()).isZero();
    HttpResponse<byte[]> psd = harness.get("/v1/jobs/" + id + "/psd");
    assertThat(psd.statusCode()).isEqualTo(200);
    assertThat(psd.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"document.loupe.psd\"; filename*=UTF-8''document.loupe.psd");
    Path out = Files.write(tmp.resolve("out.psd"), psd.body());
    PsdLayer before = jewelry(PsdReader.read(EXAMPLE));
    PsdLayer after = jewelry(PsdReader.read(out));
    assertThat(after.lockFlags() & PsdLayer.LOCK_ALL).isNotZero();
    for (PsdChannel c : before.channels()) {
      assertThat(after.channel(c.id()).decoded()).isEqualTo(c.decoded());
    }
  }

  /** A selection saved in the file (a centred square here) is the product mask when the query names it. */
  @Test
  void a_saved_selection_named_as_the_product_mask_is_what_the_job_protects() throws Exception {
    PsdDocument doc = PsdReader.read(EXAMPLE);
    byte[] square = new byte[doc.width() * doc.height()];
    long selected = 0;
    for (int y = doc.height() / 4; y < doc.height() * 3 / 4; y++) {
      for (int x = doc.width() / 4; x < doc.width() * 3 / 4; x++) {
        square[y * doc.width() + x] = (byte) 255;
        selected++;
      }
    }
    AlphaChannels.add(doc, "Ring", square);
    Path file = tmp.resolve("with-selection.psd");
    PsdWriter.write(doc, file);
    byte[] body = Files.readAllBytes(file);

    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?recipe=pro&productMask=channel:Ring",
        "application/octet-stream", body, ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
    JsonNode job = harness.awaitJob(harness.json(created).get("id").asText());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.at("/result/fidelity/protectedPixels").asLong()).isEqualTo(selected);
    assertThat(job.at("/result/fidelity/changedPixels").asLong(-1)).isZero();

    HttpResponse<byte[]> missing = harness.post("/v1/psd-jobs?recipe=pro&productMask=channel:Nope",
        "application/octet-stream", body, ServerHarness.TOKEN);
    JsonNode failed = harness.awaitJob(harness.json(missing).get("id").asText());
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.at("/problem/detail").asText()).contains("mask channel:Nope: no alpha channel named 'Nope'",
        "1 'Ring'");
  }

  @Test
  void the_result_is_downloaded_under_the_name_the_upload_was_given() throws Exception {
    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?recipe=quick&name=" + URLEncoder.encode(
        "Solitaire №5.psd", StandardCharsets.UTF_8), "application/octet-stream", Files.readAllBytes(EXAMPLE),
        ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
    assertThat(harness.json(created).get("state").asText()).isIn("queued", "running");
    String id = harness.json(created).get("id").asText();
    assertThat(harness.awaitJob(id).get("state").asText()).isEqualTo("done");
    HttpResponse<byte[]> psd = harness.get("/v1/jobs/" + id + "/psd");
    assertThat(psd.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"Solitaire _5.loupe.psd\"; filename*=UTF-8''Solitaire%20%E2%84%965.loupe.psd");
  }

  @Test
  void a_download_has_its_length_and_is_not_compressed_and_a_head_gets_the_same_headers() throws Exception {
    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?recipe=quick", "application/octet-stream",
        Files.readAllBytes(EXAMPLE), ServerHarness.TOKEN);
    String id = harness.json(created).get("id").asText();
    assertThat(harness.awaitJob(id).get("state").asText()).isEqualTo("done");
    // As fetch asks: compressing a PSD for a loopback client only costs time (seconds at 24 MP).
    HttpResponse<byte[]> psd = harness.get("/v1/jobs/" + id + "/psd", "Accept-Encoding", "gzip, deflate");
    assertThat(psd.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(psd.headers().firstValue("Content-Length")).hasValue(Integer.toString(psd.body().length));
    HttpResponse<byte[]> head = harness.head("/v1/jobs/" + id + "/psd");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(psd.body().length));
    assertThat(head.headers().firstValue("Content-Disposition")).isEqualTo(
        psd.headers().firstValue("Content-Disposition"));
    // Javalin's own HEAD answer was an empty 200 for any job id, known or not.
    for (String path : List.of("/v1/jobs/nope", "/v1/jobs/nope/psd", "/v1/jobs/nope/layers/0")) {
      assertThat(harness.head(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(harness.head("/v1/jobs/" + id).statusCode()).isEqualTo(200);
    // The event stream: 406 without accepting it, 404 for an unknown job, else its type and no stream.
    assertThat(harness.head("/v1/jobs/" + id + "/events").statusCode()).isEqualTo(406);
    assertThat(headEvents("nope").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> events = headEvents(id);
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/event-stream"));
    assertThat(events.body()).isEmpty();
  }

  private HttpResponse<byte[]> headEvents(String id) throws Exception {
    return harness.http.send(HttpRequest.newBuilder(harness.uri("/v1/jobs/" + id + "/events"))
        .header("Accept", "text/event-stream").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void an_unknown_option_is_refused_naming_it_and_the_known_ones() throws Exception {
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=pro&backgound=clean", "application/octet-stream",
        new byte[10], ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).isEqualTo("unknown query parameter 'backgound' for a PSD job "
        + "(known: recipe, background, denoise, fsRadius, protectHighlights, protectShadows, protectLayer, productMask, "
        + "inpainter, heal, props, name)");
  }

  /** The known options are the ones the request reads: an option added there must be added to the list. */
  @Test
  void the_known_options_are_the_ones_a_psd_request_reads_and_the_name() {
    Set<String> read = new HashSet<>();
    Map<String, List<String>> recording = new HashMap<>() {
      @Override
      public List<String> get(Object key) {
        read.add((String) key);
        return super.get(key);
      }
    };
    RetouchRequest.fromQuery(recording);
    read.add("name");
    assertThat(JobController.PSD_JOB_OPTIONS).containsExactlyInAnyOrderElementsOf(read);
  }

  @Test
  void a_damaged_psd_fails_the_job_with_a_problem_naming_the_offset() throws Exception {
    byte[] bytes = Files.readAllBytes(EXAMPLE);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 3);
    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?recipe=pro", "application/octet-stream", cut,
        ServerHarness.TOKEN);
    assertThat(created.statusCode()).isEqualTo(202);
    JsonNode job = harness.awaitJob(harness.json(created).get("id").asText());
    assertThat(job.get("state").asText()).isEqualTo("failed");
    assertThat(job.at("/problem/detail").asText()).startsWith("the uploaded file: ").containsIgnoringCase("offset");

    // Named by the client, the upload is called by that name (without its folders).
    HttpResponse<byte[]> named = harness.post("/v1/psd-jobs?recipe=pro&name=" + URLEncoder.encode("shoot/ring 5.psd",
        StandardCharsets.UTF_8), "application/octet-stream", cut, ServerHarness.TOKEN);
    JsonNode namedJob = harness.awaitJob(harness.json(named).get("id").asText());
    assertThat(namedJob.at("/problem/detail").asText()).startsWith("'ring 5.psd': ").containsIgnoringCase("offset")
        .doesNotContain("uploaded file");
  }

  @Test
  void an_empty_body_is_refused_at_once() throws Exception {
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=quick", "application/octet-stream", new byte[0],
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).startsWith("the request body is empty");
  }

  /**
   * A file the engine cannot work on as asked is the file's fault, said as such (422), not an
   * internal error (500): too small to segment; a piece that fills the frame, with no background
   * left to retouch.
   */
  @Test
  void a_file_the_engine_cannot_work_on_fails_as_unprocessable_input_not_as_an_internal_error() throws Exception {
    Path corpus = Path.of(System.getProperty("loupe.shared"), "psd-corpus");
    assertThat(unprocessable(Files.readAllBytes(corpus.resolve("psdjs__locked-1x1.psd")), "recipe=quick"))
        .startsWith("segmenting needs at least 16×16 pixels, got 1×1");
    assertThat(unprocessable(Files.readAllBytes(corpus.resolve("psdtools__layer-mask-data.psd")),
        "recipe=quick&background=white"))
        .isEqualTo("the uploaded file: the product mask (auto) marks every pixel as fully jewelry, so there is no "
            + "background to retouch (the automatic mask found no background, or the safety margin kept around what it "
            + "found (at least 32 px) covers the whole frame, as on a picture this small)");
    // The file's content refused when the job reads it is 422 too (it was the request's 400).
    byte[] png = Files.readAllBytes(Path.of(System.getProperty("loupe.shared"),
        "benchmark/dev/dev01_solitaire_yellowgold/input.png"));
    assertThat(unprocessable(java.util.Arrays.copyOf(png, png.length / 2), "recipe=quick"))
        .startsWith("the uploaded file: cannot decode the image, it is damaged or cut short");
    assertThat(unprocessable("just some text".getBytes(StandardCharsets.UTF_8), "recipe=quick"))
        .contains("not a PSD");
  }

  /** Uploads {@code file} with {@code query}: accepted, then failed as unprocessable input (422); its detail. */
  private static String unprocessable(byte[] file, String query) throws Exception {
    HttpResponse<byte[]> created = harness.post("/v1/psd-jobs?" + query, "application/octet-stream", file,
        ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(202);
    JsonNode job = harness.awaitJob(harness.json(created).get("id").asText());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("failed");
    assertThat(job.at("/problem/status").asInt()).as(job.toString()).isEqualTo(422);
    return job.at("/problem/detail").asText();
  }

  /** A damaged layer record is the file's fault, named with its bounds (422), not a memory budget to raise (413). */
  @Test
  void layer_bounds_no_canvas_could_hold_fail_the_job_naming_them() throws Exception {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(EXAMPLE));
    int resources = 26 + 4 + b.getInt(26);
    int layerAndMask = resources + 4 + b.getInt(resources);
    int firstRecord = layerAndMask + 4 + 4 + 2;
    b.putInt(firstRecord + 8, 1 << 30);
    assertThat(unprocessable(b.array(), "recipe=quick")).contains("layer record 0: layer bounds (top ",
        "bottom 1073741824", "longer than the 300000 a side of any PSD or PSB may be");
  }

  @Test
  void an_unknown_recipe_is_refused_before_the_upload_is_kept() throws Exception {
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=magic", "application/octet-stream", new byte[10],
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("magic");
  }

  @Test
  void a_yes_for_a_true_false_parameter_is_refused_naming_it() throws Exception {
    HttpResponse<byte[]> r = harness.post("/v1/psd-jobs?recipe=editorial&protectShadows=yes", "application/octet-stream",
        new byte[10], ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("protectShadows", "'yes'", "true or false");
  }

  @Test
  void an_upload_over_the_limit_is_413() throws Exception {
    ServerConfig d = ServerConfig.defaults(0, ServerHarness.TOKEN);
    ServerConfig small = new ServerConfig(d.host(), 0, d.token(), 1000, d.maxPixels(), 1, 1, d.jobTimeout(), d.resultTtl());
    try (ServerHarness h = new ServerHarness(small)) {
      HttpResponse<byte[]> r = h.post("/v1/psd-jobs?recipe=pro", "application/octet-stream", new byte[5000],
          ServerHarness.TOKEN);
      assertThat(r.statusCode()).isEqualTo(413);
    }
  }

  static PsdLayer jewelry(PsdDocument doc) {
    return doc.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
  }
}
