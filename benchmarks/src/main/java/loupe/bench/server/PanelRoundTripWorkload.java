// SPDX-License-Identifier: Apache-2.0
package loupe.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.bench.BenchConfig;
import loupe.bench.data.LargeShot;
import loupe.bench.quality.Regions;
import loupe.bench.run.Compared;
import loupe.bench.run.PeakRss;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Timed;
import loupe.bench.run.Workload;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.server.http.LoupeServer;
import loupe.server.http.ServerConfig;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.protocol.PixelCodec;
import loupe.server.retouch.RetouchService;

/**
 * A panel job over loopback against a real in-process {@link LoupeServer}, as the UXP panel sends
 * it (docs/protocol.md): the jewelry layer (RGBA over its bounding box) and the full background,
 * 16-bit on Photoshop's 0..32768 scale, up; the result layer (full canvas, 16-bit) down. Upload is
 * POST until 202 (the server has read and validated every buffer; the job is then cancelled);
 * download is GET of layer 0 of a finished Quick job. Loupe's time is upload + download; the
 * reference is the same bytes over a plain loopback socket. Packing the buffers is the panel's
 * work and is not timed.
 */
public final class PanelRoundTripWorkload implements Workload {
  private static final String TOKEN = "loupe-bench";
  private final BenchConfig cfg;
  private final Repeat repeat;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  public PanelRoundTripWorkload(BenchConfig cfg) {
    this.cfg = cfg;
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return "panel-round-trip";
  }

  @Override
  public Row run() throws Exception {
    LargeShot shot = LargeShot.of(cfg.scene(cfg.scenes().get(0)), cfg.largeLongSide());
    byte[] body = request(shot);
    String size = shot.description();
    shot = null;
    try (LoupeServer server = new LoupeServer(ServerConfig.defaults(0, TOKEN), new RetouchService(), List::of).start()) {
      String base = "http://127.0.0.1:" + server.port();
      Timed<String> upload = repeat.time(() -> post(base, body), id -> {
        send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).header("Authorization", "Bearer " + TOKEN)
            .DELETE().build());
        await(base, id);
      });
      long jobStart = System.nanoTime();
      JsonNode job = await(base, post(base, body));
      double jobMs = (System.nanoTime() - jobStart) / 1e6;
      if (!"done".equals(job.get("state").asText())) {
        throw new IllegalStateException("panel job ended " + job);
      }
      String layerUri = base + "/v1/jobs/" + job.get("id").asText() + "/layers/0";
      HttpRequest get = HttpRequest.newBuilder(URI.create(layerUri)).GET().build();
      Timed<Long> download = repeat.time(() -> layerBytes(send(get)));
      long rss = PeakRss.megabytes();
      long down = download.result();
      Timed<Void> floor = repeat.time(() -> {
        LoopbackFloor.transfer(body, down);
        return null;
      });
      Compared<Void, Void> m = new Compared<>(new Timed<>(upload.ms() + download.ms(), null), floor, rss);
      return Row.of(id(), "panel round trip", size + " 16-bit: jewelry RGBA + background up, layer 0 down", repeat,
          "same bytes over a plain loopback socket", m,
          Row.fields("upload_ms", upload.ms(), "download_ms", download.ms(), "upload_mb", body.length / 1e6,
              "download_mb", down / 1e6, "upload_mb_s", body.length / 1e3 / upload.ms(),
              "download_mb_s", down / 1e3 / download.ms(), "quick_job_ms", jobMs,
              "jewelry_changed", job.at("/result/fidelity/changedPixels").asLong()),
          "server and client in one JVM; the Quick job's own time is not in Loupe's time");
    }
  }

  /** The panel's request body: jewelry layer over the mask's bounding box, and the full background. */
  private byte[] request(LargeShot shot) throws IOException {
    Planar photo = shot.image();
    Rect box = MaskOps.support(shot.mask());
    Planar jewel = photo.subimage(box.left(), box.top(), box.right(), box.bottom());
    byte[] jewelBytes = PixelCodec.encode(jewel, shot.mask().subimage(box.left(), box.top(), box.right(), box.bottom()),
        16, false);
    byte[] backgroundBytes = PixelCodec.encode(photo, null, 16, false);
    String profile = "sRGB IEC61966-2.1";
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", "quick");
    header.put("options", Map.of());
    header.put("document", Map.of("width", photo.width, "height", photo.height, "bitDepth", 16, "mode", "RGB",
        "colorProfile", profile));
    header.put("buffers", List.of(
        new BufferDescriptor("jewelry", box.width(), box.height(), 4, 16, false, "chunky", BufferDescriptor.Bounds.of(box),
            profile, jewelBytes.length),
        new BufferDescriptor("background", photo.width, photo.height, 3, 16, false, "chunky",
            BufferDescriptor.Bounds.of(Rect.ofSize(photo.width, photo.height)), profile, backgroundBytes.length)));
    return Frame.write(json, header, jewelBytes, backgroundBytes);
  }

  private String post(String base, byte[] body) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs"))
        .header("Content-Type", Frame.MEDIA_TYPE).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("POST /v1/jobs answered " + r.statusCode() + ": " + new String(r.body()));
    }
    return json.readTree(r.body()).get("id").asText();
  }

  /** Polls until the job has left queued/running (10 minutes at most). */
  private JsonNode await(String base, String id) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).GET().build();
    while (System.nanoTime() < end) {
      JsonNode job = json.readTree(send(status).body());
      String state = job.get("state").asText();
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("job " + id + " did not finish in 10 minutes");
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Checks a downloaded layer frame and returns its size in bytes. */
  private long layerBytes(HttpResponse<byte[]> r) throws IOException {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET layer answered " + r.statusCode() + ": " + new String(r.body()));
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(r.body()));
    JsonNode header = json.readTree(in.readNBytes(in.readInt()));
    long expected = 0;
    for (JsonNode b : header.get("buffers")) {
      expected += b.get("byteLength").asLong();
    }
    if (in.available() < expected) {
      throw new IOException("layer frame has " + in.available() + " buffer bytes, its header declares " + expected);
    }
    return r.body().length;
  }
}
