// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import loupe.server.UserError;
import loupe.server.jobs.Admission;
import loupe.server.jobs.Job;
import loupe.server.jobs.JobEvent;
import loupe.server.jobs.JobService;
import loupe.server.protocol.Frame;
import loupe.server.retouch.InstalledModels;
import loupe.server.retouch.PanelJobHeader;
import loupe.server.retouch.PanelRequest;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;

/** HTTP I/O of jobs: create (panel frames or PSD uploads), follow, cancel, download. */
public final class JobController {
  /**
   * The query parameters of POST /v1/psd-jobs: {@link RetouchRequest#fromQuery}'s options, and the
   * uploaded file's name for the download.
   */
  static final List<String> PSD_JOB_OPTIONS = List.of("recipe", "background", "denoise", "fsRadius", "protectHighlights",
      "protectShadows", "protectLayer", "productMask", "inpainter", "heal", "props", "name");

  private final JobService jobs;
  private final RetouchService retouch;
  private final ServerConfig config;
  private final ObjectMapper json;
  /** The name a PSD job's upload was given (?name=), while the job is kept; null when none was. */
  private final Map<Job, String> uploadNames = Collections.synchronizedMap(new WeakHashMap<>());

  public JobController(JobService jobs, RetouchService retouch, ServerConfig config, ObjectMapper json) {
    this.jobs = jobs;
    this.retouch = retouch;
    this.config = config;
    this.json = json;
  }

  /**
   * POST /v1/jobs: a framed panel request. A place is taken before the body is read; the header is
   * checked, then memory reserved from its sizes before any buffer is read, so a burst of uploads
   * is refused (429) instead of decoded into an OutOfMemoryError.
   */
  public void createPanelJob(Context ctx) throws IOException {
    requireType(ctx, Frame.MEDIA_TYPE);
    try (InputStream body = LimitedInputStream.of(ctx, config.maxUploadBytes());
        Admission admission = jobs.admit("panel")) {
      PanelRequest.Checked checked = retouch.checkPanelHeader(Frame.readHeader(body, json, PanelJobHeader.class),
          config.maxPixels());
      InstalledModels.requireModels(checked.request());
      JobFootprint footprint = JobFootprint.panel(checked);
      admission.reserve(footprint.bytes(), footprint.what());
      var request = retouch.readPanelRequest(checked, body);
      accepted(ctx, jobs.submit(admission, progress -> retouch.runPanel(request, PlainProgress.of(progress))));
    }
  }

  /**
   * POST /v1/psd-jobs?recipe=…: the PSD/PSB is streamed to a temp file, size-limited; its header
   * and layer records then say how much memory the job will need.
   */
  public void createPsdJob(Context ctx) throws IOException {
    requireKnownOptions(ctx.queryParamMap());
    RetouchRequest request = RetouchRequest.fromQuery(ctx.queryParamMap());
    InstalledModels.requireModels(request);
    try (InputStream body = LimitedInputStream.of(ctx, config.maxUploadBytes());
        Admission admission = jobs.admit("psd")) {
      Path upload = Files.createTempFile("loupe-upload-", ".psd");
      // Deleted when the job ends, even one cancelled before it ran, or when the request fails here.
      admission.deleteWhenDone(upload);
      if (Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING) == 0) {
        throw new UserError("the request body is empty: send the PSD, PSB, PNG, TIFF or JPEG file itself as the body");
      }
      JobFootprint footprint = JobFootprint.psd(upload, request.recipe());
      admission.reserve(footprint.bytes(), footprint.what());
      Job job = jobs.submit(admission, progress -> retouch.runPsdUpload(upload, request, PlainProgress.of(progress)),
          ErrorMapping.uploadProblems(ctx.queryParam("name")));
      uploadNames.put(job, ctx.queryParam("name"));
      accepted(ctx, job);
    }
  }

  /**
   * A misspelt option (backgound=clean) would otherwise be dropped without a word and the job run
   * with the recipe's default.
   */
  static void requireKnownOptions(Map<String, List<String>> given) {
    for (Map.Entry<String, List<String>> option : given.entrySet()) {
      if (!PSD_JOB_OPTIONS.contains(option.getKey())) {
        throw new UserError("unknown query parameter '" + option.getKey() + "' for a PSD job (known: "
            + String.join(", ", PSD_JOB_OPTIONS) + ")");
      }
      // recipe=quick&recipe=pro: which one was meant cannot be known, so neither is taken.
      if (option.getValue().size() > 1) {
        throw new UserError("query parameter '" + option.getKey() + "' is given " + option.getValue().size()
            + " times (" + String.join(", ", option.getValue()) + "); give it once");
      }
    }
  }

  public void status(Context ctx) {
    ctx.json(describe(job(ctx)));
  }

  public void cancel(Context ctx) {
    jobs.cancel(job(ctx));
    ctx.status(204);
  }

  /**
   * The events endpoint speaks only Server-Sent Events, which Javalin serves only to a GET that
   * accepts them; any other GET would get an empty 200, so it gets a 406 that says what to send.
   * An unknown job is a 404 here, before the stream's 200 goes out. A HEAD gets what its GET would,
   * without the stream (Javalin answers a HEAD itself with an empty 200; its type is set here).
   * Other methods fall through to the 404 of an endpoint that does not exist.
   */
  void requireEventStream(Context ctx) {
    boolean head = HandlerType.HEAD.equals(ctx.method());
    if (!HandlerType.GET.equals(ctx.method()) && !head) {
      return;
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new UserError(406, ctx.method() + " /v1/jobs/{id}/events is a Server-Sent Events stream: send 'Accept: "
          + "text/event-stream' (or poll GET /v1/jobs/{id})");
    }
    job(ctx);
    if (head) {
      ctx.contentType("text/event-stream");
    }
  }

  /** GET /v1/jobs/{id}/events: progress as Server-Sent Events, ending with done/failed/cancelled. */
  public void events(SseClient client) {
    Job job = jobs.find(client.ctx().pathParam("id")).orElse(null);
    if (job == null) {
      // Gone since requireEventStream found it (its result expired in between).
      client.sendEvent("failed", Problem.of(404, "Not found", "no job with id " + client.ctx().pathParam("id")));
      client.close();
      return;
    }
    CountDownLatch end = new CountDownLatch(1);
    Consumer<JobEvent> listener = event -> {
      if (!client.terminated()) {
        client.sendEvent(event.name(), event.payload());
      }
      if (!(event instanceof JobEvent.Progress)) {
        end.countDown();
      }
    };
    client.onClose(() -> {
      job.unsubscribe(listener);
      end.countDown();
    });
    job.subscribe(listener);
    try {
      end.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    job.unsubscribe(listener);
    client.close();
  }

  public void layer(Context ctx) {
    Job job = finished(ctx);
    int index = parseIndex(ctx.pathParam("index"));
    Frame.Streamed frame = job.output().layerFrame(index)
        .orElseThrow(() -> new UserError(404, "job " + job.id() + " has no result layer " + index));
    // The size, known without encoding a row: a HEAD ends here, a GET streams (and can show progress).
    ctx.contentType(Frame.MEDIA_TYPE).header("Content-Length", Long.toString(frame.length()));
    if (!HandlerType.HEAD.equals(ctx.method())) {
      ctx.result(frame.body()); // encoded as Jetty sends it
    }
  }

  public void psd(Context ctx) throws IOException {
    Job job = finished(ctx);
    Path file = job.output().psdFile().orElseThrow(() -> new UserError(404, "job " + job.id() + " produced no PSD"));
    ctx.contentType("application/vnd.adobe.photoshop")
        .header("Content-Disposition", DownloadName.of(uploadNames.get(job), file).contentDisposition())
        .header("Content-Length", Long.toString(Files.size(file)));
    // A HEAD asks for the headers only: the size, without reading a PSB of gigabytes.
    if (!HandlerType.HEAD.equals(ctx.method())) {
      ctx.result(Files.newInputStream(file));
    }
  }

  private Job job(Context ctx) {
    String id = ctx.pathParam("id");
    return jobs.find(id).orElseThrow(() -> new UserError(404, "no job with id " + id + " (finished jobs are kept for "
        + config.resultTtl().toMinutes() + " minutes)"));
  }

  private Job finished(Context ctx) {
    Job job = job(ctx);
    if (job.output() == null) {
      throw new UserError(409, "job " + job.id() + " is " + job.state().id() + ", not done");
    }
    return job;
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UserError(400, "layer index '" + text + "' is not a whole number from 0 (the result's 'layers' "
          + "lists them)");
    }
  }

  private static void requireType(Context ctx, String type) {
    // The header as sent: Jetty's parsed content type throws on a charset Java does not know ("binary").
    String actual = ctx.header("Content-Type");
    // The type/subtype before any parameters, compared whole and case-insensitively (RFC 9110 8.3.1).
    String media = actual == null ? "" : actual.split(";", 2)[0].strip();
    if (!media.equalsIgnoreCase(type)) {
      throw new UserError(415, "Content-Type must be " + type + ", got " + (actual == null ? "none" : actual));
    }
  }

  private void accepted(Context ctx, Job job) {
    ctx.status(202).json(Map.of("id", job.id(), "state", job.state().id()));
  }

  static Map<String, Object> describe(Job job) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", job.id());
    out.put("kind", job.kind());
    out.put("state", job.state().id());
    out.put("stage", job.stage());
    out.put("fraction", job.fraction());
    if (job.problem() != null) {
      out.put("problem", job.problem());
    }
    if (job.output() != null) {
      out.put("result", job.output().summary());
    }
    return out;
  }
}
