// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import loupe.engine.testing.TestImages;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.protocol.Frame;
import loupe.server.protocol.PixelCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test on loopback against a real server in its own JVM (heap limit {@link #XMX_MB} MB,
 * memory budget {@link #BUDGET} = 0.6 of it, room for two 12 MP jobs: both slots run at once): 8 concurrent 12 MP 8-bit
 * Quick panel jobs, then a burst of more 12 MP jobs and small PSD jobs beyond capacity. Every
 * request must end done with no jewelry pixel changed, or be refused with 429 and Retry-After;
 * the server must never throw an OutOfMemoryError (it runs with -XX:+ExitOnOutOfMemoryError) and
 * must leave no upload or partial output in its temp folder. Prints throughput and peak RSS.
 */
@Tag("slow")
class LoadTest {
  static final int XMX_MB = 4608;
  static final long BUDGET = (long) (XMX_MB * 0.6) << 20;
  static final int CONCURRENT = 2;
  static final int QUEUED = 2;
  static final int SIDE_W = 4000;
  static final int SIDE_H = 3000;
  static final Path SMALL_PSD = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path tmp;

  /** One request's outcome: the status, its Retry-After and problem or job id, and for 202 the final job. */
  record Outcome(String what, int status, String retryAfter, JsonNode body, long bytes) {}

  @Test
  void eight_12mp_jobs_and_a_burst_all_finish_or_get_429_within_the_memory_budget() throws Exception {
    byte[] big = twelveMegapixelRequest();
    byte[] small = Files.readAllBytes(SMALL_PSD);
    Path serverTmp = Files.createDirectories(tmp.resolve("server-tmp"));
    Process server = startServer(serverTmp);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String base = "http://127.0.0.1:" + port(out);
      long start = System.nanoTime();
      List<Outcome> first = fire(Stream.generate(() -> panel(base, big)).limit(8).toList());
      List<Outcome> burst = fire(Stream.concat(Stream.generate(() -> panel(base, big)).limit(4),
          Stream.generate(() -> psd(base, small)).limit(8)).toList());
      List<Outcome> all = new ArrayList<>(first);
      all.addAll(burst);

      List<Outcome> refused = all.stream().filter(o -> o.status() == 429).toList();
      List<Outcome> accepted = all.stream().filter(o -> o.status() == 202).toList();
      assertThat(accepted.size() + refused.size()).as("every request is accepted or refused with 429: %s", all)
          .isEqualTo(all.size());
      assertThat(first.stream().filter(o -> o.status() == 202).count()).as("two 12 MP jobs fit the budget").isEqualTo(2);
      for (Outcome o : refused) {
        assertThat(o.retryAfter()).as("Retry-After of %s", o).isNotNull();
        assertThat(Integer.parseInt(o.retryAfter())).isPositive();
        assertThat(o.body().get("detail").asText()).contains("busy");
      }
      List<JsonNode> finished = new ArrayList<>();
      for (Outcome o : accepted) {
        JsonNode job = await(base, o.body().get("id").asText());
        assertThat(job.get("state").asText()).as("%s: %s", o.what(), job).isEqualTo("done");
        assertThat(job.at("/result/fidelity/changedPixels").asLong()).isZero();
        assertThat(job.at("/result/fidelity/protectedPixels").asLong()).isPositive();
        finished.add(job);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertNoPartialFiles(serverTmp, accepted.stream().filter(o -> o.what().equals("psd")).count());

      in.println("stats");
      Map<String, Long> stats = stats(out.readLine());
      long rss = vmHwm(server.pid());
      long acceptedBytes = accepted.stream().mapToLong(Outcome::bytes).sum();
      System.out.printf(Locale.ROOT, "load: %d requests, %d done (%d × 12 MP), %d refused with 429, in %.1f s: "
              + "%.1f jobs/min, %.1f MB/s of accepted uploads; server peak RSS %d MB, peak heap after GC %d MB "
              + "(idle %d MB, pool peaks %d MB), heap limit %d MB, budget %d MB%n",
          all.size(), finished.size(), accepted.stream().filter(o -> o.what().equals("panel")).count(),
          refused.size(), seconds, finished.size() * 60 / seconds, acceptedBytes / 1e6 / seconds, rss >> 20,
          stats.get("liveAfterGcPeak") >> 20, stats.get("idleHeap") >> 20, stats.get("poolPeaks") >> 20,
          stats.get("maxHeap") >> 20, BUDGET >> 20);
      assertThat(stats.get("liveAfterGcPeak")).as("peak heap after GC").isLessThanOrEqualTo(stats.get("idleHeap") + BUDGET);
      // The heap limit plus what a JVM needs beside it (code, metaspace, thread stacks, I/O buffers).
      assertThat(rss).as("peak RSS").isLessThan(((long) XMX_MB + 768) << 20);
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    assertThat(server.exitValue()).as("server exit (3 = OutOfMemoryError)").isZero();
  }

  /** Fires all requests at once and collects their answers. */
  private List<Outcome> fire(List<java.util.concurrent.Callable<Outcome>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (var r : requests) {
        futures.add(pool.submit(() -> {
          go.await();
          return r.call();
        }));
      }
      go.countDown();
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private java.util.concurrent.Callable<Outcome> panel(String base, byte[] body) {
    return () -> post("panel", base + "/v1/jobs", Frame.MEDIA_TYPE, body);
  }

  private java.util.concurrent.Callable<Outcome> psd(String base, byte[] body) {
    return () -> post("psd", base + "/v1/psd-jobs?recipe=quick", "application/octet-stream", body);
  }

  private Outcome post(String what, String uri, String type, byte[] body) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", type)
        .header("Authorization", "Bearer " + LoadServerMain.TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Outcome(what, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), json.readTree(r.body()),
        body.length);
  }

  private JsonNode await(String base, String id) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).GET().build();
    while (System.nanoTime() < end) {
      JsonNode job = json.readTree(http.send(status, HttpResponse.BodyHandlers.ofByteArray()).body());
      String state = job.get("state").asText();
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not finish in 5 minutes");
  }

  /**
   * Uploads are deleted once their job has run; a PSD job's folder holds its finished output and
   * nothing else (no temp file of an interrupted write).
   */
  private static void assertNoPartialFiles(Path dir, long psdJobs) throws IOException {
    List<String> found;
    try (Stream<Path> files = Files.walk(dir)) {
      found = files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
    }
    assertThat(found).as("files left in the server's temp folder")
        .allMatch(f -> f.matches("loupe-job-[^/]+/[^/]+\\.loupe\\.psd"))
        .hasSizeLessThanOrEqualTo((int) psdJobs)
        .doesNotHaveDuplicates();
    assertThat(found.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().count())
        .as("one output per job folder").isEqualTo(found.size());
  }

  private Process startServer(Path serverTmp) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(java, "-Xmx" + XMX_MB + "m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + serverTmp, "-cp", classpath, LoadServerMain.class.getName(),
        Long.toString(BUDGET), Integer.toString(CONCURRENT), Integer.toString(QUEUED))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int port(BufferedReader out) throws IOException {
    String line = out.readLine();
    assertThat(line).as("server's first line").startsWith("port ");
    return Integer.parseInt(line.substring(5).trim());
  }

  private static Map<String, Long> stats(String line) {
    assertThat(line).startsWith("stats ");
    Map<String, Long> out = new LinkedHashMap<>();
    for (String kv : line.substring(6).split(" ")) {
      String[] p = kv.split("=");
      out.put(p[0], Long.parseLong(p[1]));
    }
    return out;
  }

  /** Peak resident set of a process (Linux /proc/PID/status VmHWM), in bytes. */
  private static long vmHwm(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    throw new IOException("no VmHWM in /proc/" + pid + "/status");
  }

  /**
   * The panel's request for a 4000×3000 8-bit shot: dev01 scaled up (nearest neighbour), the
   * jewelry layer as RGBA over the truth mask's bounding box, and the full background.
   */
  private byte[] twelveMegapixelRequest() throws Exception {
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");
    Planar photo = upscale(TestImages.readRgb(scene.resolve("input.png")));
    GrayU16 mask = upscale(new Planar(TestImages.readGray(scene.resolve("truth_mask.png")))).bands[0];
    Rect box = MaskOps.support(mask);
    byte[] jewel = PixelCodec.encode(photo.subimage(box.left(), box.top(), box.right(), box.bottom()),
        mask.subimage(box.left(), box.top(), box.right(), box.bottom()), 8, false);
    byte[] background = PixelCodec.encode(photo, null, 8, false);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("recipe", "quick");
    header.put("options", Map.of());
    header.put("document", Map.of("width", SIDE_W, "height", SIDE_H, "bitDepth", 8, "mode", "RGB"));
    header.put("buffers", List.of(
        new BufferDescriptor("jewelry", box.width(), box.height(), 4, 8, false, "chunky", BufferDescriptor.Bounds.of(box),
            null, jewel.length),
        new BufferDescriptor("background", SIDE_W, SIDE_H, 3, 8, false, "chunky",
            BufferDescriptor.Bounds.of(Rect.ofSize(SIDE_W, SIDE_H)), null, background.length)));
    return Frame.write(json, header, jewel, background);
  }

  private static Planar upscale(Planar small) {
    Planar out = Planar.create(small.numBands(), SIDE_W, SIDE_H);
    for (int b = 0; b < small.numBands(); b++) {
      for (int y = 0; y < SIDE_H; y++) {
        for (int x = 0; x < SIDE_W; x++) {
          out.bands[b].set(x, y, small.bands[b].get(x * small.width / SIDE_W, y * small.height / SIDE_H));
        }
      }
    }
    return out;
  }

}
