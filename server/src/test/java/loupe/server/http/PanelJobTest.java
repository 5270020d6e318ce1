// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.testing.TestImages;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.protocol.PixelCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A panel job end to end over loopback with a real dev scene: raw buffers up, result layers down,
 * at the document's depth and range, and the jewelry untouched.
 */
class PanelJobTest {
  static ServerHarness harness;
  static Planar photo;
  static GrayU16 mask;

  @BeforeAll
  static void start() throws Exception {
    harness = new ServerHarness();
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");
    photo = TestImages.readRgb(scene.resolve("input.png"));
    mask = TestImages.readGray(scene.resolve("truth_mask.png"));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16})
  void a_pro_job_returns_layers_at_document_depth_and_never_touches_the_jewelry(int depth) throws Exception {
    byte[] body = request(depth, "pro");
    HttpResponse<byte[]> created = harness.post("/v1/jobs", Frame.MEDIA_TYPE, body, ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
    JsonNode job = harness.awaitJob(harness.json(created).get("id").asText());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    JsonNode fidelity = job.at("/result/fidelity");
    assertThat(fidelity.get("changedPixels").asLong()).isZero();
    assertThat(fidelity.get("protectedPixels").asLong()).isGreaterThan(100_000);
    assertThat(fidelity.get("verdict").asText()).isEqualTo("bit-exact");

    JsonNode layers = job.at("/result/layers");
    assertThat(layers.size()).isGreaterThan(0);
    HttpResponse<byte[]> layer = harness.get("/v1/jobs/" + job.get("id").asText() + "/layers/0", "Accept-Encoding",
        "gzip, deflate");
    assertThat(layer.statusCode()).isEqualTo(200);
    // Raw pixels, not gzipped on the fly (8 s of CPU for 23 % less of a 24 MP 16-bit layer), and sized.
    assertThat(layer.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(layer.headers().firstValueAsLong("Content-Length")).hasValue(layer.body().length);
    // A HEAD gives the streamed frame's size.
    HttpResponse<byte[]> head = harness.head("/v1/jobs/" + job.get("id").asText() + "/layers/0");
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(layer.body().length);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(layer.body()));
    JsonNode header = harness.json.readTree(in.readNBytes(in.readInt()));
    JsonNode pixels = header.get("buffers").get(0);
    assertThat(pixels.get("bitDepth").asInt()).isEqualTo(depth);
    assertThat(pixels.get("fullRange").asBoolean()).isFalse();
    Rect bounds = new Rect(header.at("/bounds/left").asInt(), header.at("/bounds/top").asInt(),
        header.at("/bounds/right").asInt(), header.at("/bounds/bottom").asInt());
    assertThat(bounds).isEqualTo(Rect.ofSize(photo.width, photo.height));
    byte[] data = in.readAllBytes();
    long expected = pixels.get("byteLength").asLong();
    assertThat((long) data.length).isGreaterThanOrEqualTo(expected);
    if (depth == 16) {
      int max = 0;
      for (int i = 0; i < expected; i += 2) {
        max = Math.max(max, (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
      }
      assertThat(max).as("Photoshop 16-bit range").isLessThanOrEqualTo(32768).isGreaterThan(30000);
    }
  }

  @Test
  void a_truncated_body_is_a_clear_400() throws Exception {
    byte[] body = request(8, "pro");
    byte[] cut = java.util.Arrays.copyOf(body, body.length - 1000);
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, cut, ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("truncated");
  }

  @Test
  void a_size_mismatch_and_a_huge_declared_size_are_refused_before_reading() throws Exception {
    Map<String, Object> header = header(8, "pro");
    @SuppressWarnings("unchecked")
    List<BufferDescriptor> buffers = (List<BufferDescriptor>) header.get("buffers");
    BufferDescriptor d = buffers.get(0);
    buffers.set(0, new BufferDescriptor(d.role(), d.width(), d.height(), d.components(), d.bitDepth(), d.fullRange(),
        d.layout(), d.bounds(), d.colorProfile(), d.byteLength() + 1));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("byteLength");

    header.put("document", Map.of("width", 100_000, "height", 100_000, "bitDepth", 16, "mode", "RGB"));
    buffers.set(0, new BufferDescriptor(d.role(), 100_000, 100_000, 4, 16, false, "chunky",
        new BufferDescriptor.Bounds(0, 0, 100_000, 100_000), null, 100_000L * 100_000 * 8));
    HttpResponse<byte[]> huge = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header),
        ServerHarness.TOKEN);
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void an_unsupported_mode_and_a_wrong_content_type_are_refused() throws Exception {
    Map<String, Object> header = header(8, "pro");
    header.put("document", Map.of("width", photo.width, "height", photo.height, "bitDepth", 8, "mode", "CMYK"));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, Frame.write(harness.json, header),
        ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("colour mode");
    HttpResponse<byte[]> json = harness.post("/v1/jobs", "application/json", "{}".getBytes(), ServerHarness.TOKEN);
    assertThat(json.statusCode()).isEqualTo(415);
    // The media type is compared whole (a longer one is another type) and without regard to case (RFC 9110 8.3.1);
    // a parameter Java cannot parse as a charset is not the media type's concern (it was refused as "binary").
    HttpResponse<byte[]> longer = harness.post("/v1/jobs", Frame.MEDIA_TYPE + "-other", Frame.write(harness.json,
        header(8, "pro")), ServerHarness.TOKEN);
    assertThat(longer.statusCode()).isEqualTo(415);
    HttpResponse<byte[]> upper = harness.post("/v1/jobs", Frame.MEDIA_TYPE.toUpperCase(java.util.Locale.ROOT)
        + "; charset=binary", request(8, "quick"), ServerHarness.TOKEN);
    assertThat(upper.statusCode()).as(new String(upper.body())).isEqualTo(202);
    harness.awaitJob(harness.json(upper).get("id").asText());
  }

  @Test
  void an_option_that_is_not_true_or_false_is_refused_not_read_as_false() throws Exception {
    Map<String, Object> header = header(8, "editorial");
    header.put("options", Map.of("protectShadows", "yes"));
    HttpResponse<byte[]> r = harness.post("/v1/jobs", Frame.MEDIA_TYPE, request(header, 8), ServerHarness.TOKEN);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(harness.json(r).get("detail").asText()).contains("option 'protectShadows'='yes' must be true or false");
  }

  @Test
  void a_props_buffer_over_the_ring_replaces_the_props_found_and_keeps_the_jewelry_bit_exact() throws Exception {
    // The putty of dev01, selected hastily together with the ring's whole box.
    Rect box = MaskOps.support(mask);
    GrayU16 props = new GrayU16(photo.width, photo.height);
    props.subimage(box.left(), box.top(), box.right(), box.bottom()).fill(65535);
    props.subimage(636, 104, 1100, 1048).fill(65535);
    Map<String, Object> header = header(8, "quick");
    header.put("options", Map.of("productMask", "layer"));
    @SuppressWarnings("unchecked")
    List<BufferDescriptor> buffers = (List<BufferDescriptor>) header.get("buffers");
    buffers.add(new BufferDescriptor("props", photo.width, photo.height, 1, 8, false, "chunky",
        BufferDescriptor.Bounds.of(Rect.ofSize(photo.width, photo.height)), null, (long) photo.width * photo.height));
    Planar jewel = photo.subimage(box.left(), box.top(), box.right(), box.bottom());
    byte[] body = Frame.write(harness.json, header,
        PixelCodec.encode(jewel, mask.subimage(box.left(), box.top(), box.right(), box.bottom()), 8, false),
        PixelCodec.encode(photo, null, 8, false), PixelCodec.encode(new Planar(props), null, 8, false));
    HttpResponse<byte[]> created = harness.post("/v1/jobs", Frame.MEDIA_TYPE, body, ServerHarness.TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
    JsonNode job = harness.awaitJob(harness.json(created).get("id").asText());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.at("/result/fidelity/changedPixels").asLong()).isZero();
    assertThat(job.at("/result/fidelity/verdict").asText()).isEqualTo("bit-exact");
    assertThat(job.at("/result/notes").toString()).contains("prop pixels given (the selection)")
        .doesNotContain("found automatically");
  }

  /** The panel's request: the jewelry layer (RGBA at the mask's bounding box) and the full background. */
  static byte[] request(int depth, String recipe) throws Exception {
    return request(header(depth, recipe), depth);
  }

  static byte[] request(Map<String, Object> header, int depth) throws Exception {
    Rect box = MaskOps.support(mask);
    Planar jewel = photo.subimage(box.left(), box.top(), box.right(), box.bottom());
    GrayU16 alpha = mask.subimage(box.left(), box.top(), box.right(), box.bottom());
    return Frame.write(harness.json, header, PixelCodec.encode(jewel, alpha, depth, false),
        PixelCodec.encode(photo, null, depth, false));
  }

  static Map<String, Object> header(int depth, String recipe) {
    Rect box = MaskOps.support(mask);
    List<BufferDescriptor> buffers = new ArrayList<>();
    buffers.add(new BufferDescriptor("jewelry", box.width(), box.height(), 4, depth, false, "chunky",
        BufferDescriptor.Bounds.of(box), "sRGB IEC61966-2.1", (long) box.width() * box.height() * 4 * depth / 8));
    buffers.add(new BufferDescriptor("background", photo.width, photo.height, 3, depth, false, "chunky",
        BufferDescriptor.Bounds.of(Rect.ofSize(photo.width, photo.height)), "sRGB IEC61966-2.1",
        (long) photo.width * photo.height * 3 * depth / 8));
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", recipe);
    header.put("options", Map.of("denoise", 0.5));
    header.put("document", Map.of("width", photo.width, "height", photo.height, "bitDepth", depth, "mode", "RGB",
        "colorProfile", "sRGB IEC61966-2.1"));
    header.put("buffers", buffers);
    return header;
  }

}
