// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.function.Supplier;
import loupe.server.UserError;
import loupe.server.jobs.JobService;
import loupe.server.retouch.RetouchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The localhost bridge: builds the Javalin app in one configuration lambda, with the request
 * guard before every route and one error mapping after.
 */
public final class LoupeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoupeServer.class);
  private final Javalin app;
  private final JobService jobs;

  public LoupeServer(ServerConfig config, RetouchService retouch, Supplier<List<String>> models) {
    // Lenient about fields a newer panel may add, strict about values: 64.5, "64" and null are not a
    // width, 1 is not true.
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    json.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    json.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    this.jobs = new JobService(config.maxConcurrentJobs(), config.maxQueuedJobs(), config.memoryBudgetBytes(),
        config.jobTimeout(), config.resultTtl(), ErrorMapping::jobProblem);
    HealthController health = new HealthController(config, models);
    JobController jobController = new JobController(jobs, retouch, config, json);
    RequestGuard guard = new RequestGuard(config.host(), this::port, config.token());
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.host = config.host();
      cfg.jetty.port = config.port();
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(json)));
      cfg.jsonMapper(new JavalinJackson(json, false));
      // Loopback only: compressing a download saves no time, it costs it (a 24 MP 16-bit layer took
      // 8 s of CPU to gzip by 23 %), and a compressed stream cannot say its length up front.
      cfg.http.compressionStrategy = CompressionStrategy.NONE;
      cfg.routes.before(guard::check);
      getAndHead(cfg.routes, "/v1/health", health::health);
      getAndHead(cfg.routes, "/v1/openapi.json", health::openapi);
      cfg.routes.post("/v1/jobs", jobController::createPanelJob);
      cfg.routes.post("/v1/psd-jobs", jobController::createPsdJob);
      getAndHead(cfg.routes, "/v1/jobs/{id}", jobController::status);
      cfg.routes.delete("/v1/jobs/{id}", jobController::cancel);
      cfg.routes.before("/v1/jobs/{id}/events", jobController::requireEventStream);
      cfg.routes.sse("/v1/jobs/{id}/events", jobController::events);
      getAndHead(cfg.routes, "/v1/jobs/{id}/layers/{index}", jobController::layer);
      getAndHead(cfg.routes, "/v1/jobs/{id}/psd", jobController::psd);
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        Problem p = ErrorMapping.toProblem(e);
        if (p.status() >= 500) {
          LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
          LOG.debug("{} {} failed", ctx.method(), ctx.path(), e);
        }
        if (p.status() == 429) {
          ctx.header("Retry-After", "5");
        }
        // A request refused before its body was read (a wrong option, 415, 429, over the memory
        // budget): the rest is read so the client, still sending, gets the answer instead of a
        // broken pipe. Not past the upload limit (that body is not wanted: the connection closes),
        // and not from a client that waits for "100 Continue" before it sends: it never will.
        boolean waiting = "100-continue".equalsIgnoreCase(ctx.header("Expect"))
            && ctx.attribute(LimitedInputStream.READ) == null;
        if (ctx.attribute(RequestGuard.PASSED) != null && !(e instanceof LimitedInputStream.TooLarge) && !waiting) {
          RefusedBody.discard(ctx);
        }
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(p.toJson(json));
      });
      cfg.routes.error(404, "*", ctx -> {
        if (!Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) {
          Problem p = Problem.of(404, "Not found", "no endpoint " + ctx.method() + " " + ctx.path()
              + " (see /v1/openapi.json)");
          ctx.contentType(Problem.MEDIA_TYPE).result(p.toJson(json));
        }
      });
    });
  }

  /**
   * A GET route and its HEAD: Javalin answers HEAD on a GET route with an empty 200 without running
   * the handler (so an unknown job looked found); the handler runs and Jetty drops the body.
   */
  private static void getAndHead(JavalinDefaultRoutingApi routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  public LoupeServer start() {
    app.start();
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    jobs.close();
  }

  /** Refuses a non-loopback bind unless the user asked for it explicitly. */
  public static void checkHost(String host, boolean allowRemote) {
    if (!RequestGuard.isLoopback(host) && !allowRemote) {
      throw new UserError("refusing to listen on " + host + ": Loupe binds 127.0.0.1 only; pass --allow-remote "
          + "if you really want other machines to reach it");
    }
  }
}
