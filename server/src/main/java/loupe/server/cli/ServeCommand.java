// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import loupe.server.LoupeInfo;
import loupe.server.UserError;
import loupe.server.http.LoupeServer;
import loupe.server.http.RequestGuard;
import loupe.server.http.ServerConfig;
import loupe.server.http.TokenStore;
import loupe.server.retouch.InstalledModels;
import loupe.server.retouch.RetouchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `loupe serve`: the localhost server the Photoshop panel talks to. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the local server for the Photoshop panel (on 127.0.0.1; --host with --allow-remote for another address).")
final class ServeCommand implements Callable<Integer> {
  /** How long Ctrl-C waits for running jobs to stop and temp files to be deleted. */
  private static final int STOP_WAIT_SECONDS = 10;

  @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}).", defaultValue = "" + LoupeInfo.DEFAULT_PORT)
  int port;

  @Option(names = "--host", description = "Bind address (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--allow-remote", description = "Allow a non-loopback --host (not recommended).")
  boolean allowRemote;

  @Option(names = "--token", description = "Use this token instead of the stored one (for tests).")
  String token;

  @Option(names = "--token-file", description = "Where the token is kept (default ~/.loupe/token).")
  Path tokenFile;

  @Option(names = "--jobs", description = "Jobs that run at once (default ${DEFAULT-VALUE}).", defaultValue = "2")
  int jobs;

  @Option(names = "--memory-budget-mb", description = "Memory that admitted jobs may use, in MB (default: 60%% of the "
      + "Java heap limit); jobs beyond it get 429, a job larger than all of it 413.")
  Long memoryBudgetMb;

  /** The shortest --token accepted: it is all that stands between a web page and the server's POSTs. */
  static final int MIN_TOKEN_LENGTH = 16;

  /** 16 TiB: beyond any machine, and far from where a budget in bytes overflows. */
  static final long MAX_MEMORY_BUDGET_MB = 1L << 24;

  @Override
  public Integer call() throws Exception {
    LoupeServer.checkHost(host, allowRemote);
    if (port < 1 || port > 65535) {
      throw new UserError("--port must be 1..65535, got " + port);
    }
    if (jobs < 1 || jobs > 16) {
      throw new UserError("--jobs must be 1..16, got " + jobs);
    }
    if (token != null && token.strip().length() < MIN_TOKEN_LENGTH) {
      throw new UserError("--token must be at least " + MIN_TOKEN_LENGTH + " characters, got " + token.strip().length()
          + " (leave it out to use the stored random token)");
    }
    if (!RequestGuard.isLoopback(host)) {
      System.err.println("WARNING: listening on " + host + ": other machines may reach Loupe");
    }
    Path file = (tokenFile != null ? tokenFile : Path.of(System.getProperty("user.home"), ".loupe", "token"))
        .toAbsolutePath();
    // Stripped as the server strips the header it compares it with: kept padded, no request would match.
    String secret = token != null ? token.strip() : TokenStore.loadOrCreate(file);
    if (secret.length() < MIN_TOKEN_LENGTH) {
      throw new UserError(file + ": the stored token has " + secret.length() + " characters; it must have at least "
          + MIN_TOKEN_LENGTH + " (delete the file and a random one is made)");
    }
    ServerConfig defaults = ServerConfig.defaults(port, secret);
    ServerConfig config = new ServerConfig(host, port, secret, defaults.maxUploadBytes(), defaults.maxPixels(), jobs,
        defaults.maxQueuedJobs(), defaults.jobTimeout(), defaults.resultTtl());
    if (memoryBudgetMb != null) {
      if (memoryBudgetMb < 64 || memoryBudgetMb > MAX_MEMORY_BUDGET_MB) {
        throw new UserError("--memory-budget-mb must be 64.." + MAX_MEMORY_BUDGET_MB + ", got " + memoryBudgetMb);
      }
      config = config.withMemoryBudget(memoryBudgetMb << 20);
    }
    // Checked before the server starts: a wrong LOUPE_MODEL_THREADS is said now, not at the first job.
    List<String> models = InstalledModels.installed();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C or kill: the JVM halts as soon as its shutdown hooks return, so the hook waits until
    // the server has closed (cancelling jobs, deleting their uploads and kept results).
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "loupe-stop");
    try (LoupeServer server = start(config)) {
      Runtime.getRuntime().addShutdownHook(hook);
      // An IPv6 literal goes in brackets in a URL (RFC 3986), or the port reads as part of it.
      System.out.println("Loupe listening on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
      System.out.println("Panel token: " + secret + (token == null ? "  (stored in " + file + ")" : ""));
      System.out.println("Models: " + (models.isEmpty() ? "none (the classical defaults run; see loupe models list)"
          : String.join(", ", models)));
      System.out.flush();
      stop.await();
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  /**
   * The server, started; a port already taken is the user's to fix, said plainly. It is tried
   * first (Jetty would log its own error before failing), and a bind that still fails, because
   * another process took the port meanwhile, says the same.
   */
  private static LoupeServer start(ServerConfig config) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
      probe.bind(new InetSocketAddress(config.host(), config.port()));
    } catch (BindException e) {
      throw e.getMessage() != null && e.getMessage().contains("assign requested address")
          ? new UserError(config.host() + " is not an address of this machine; Loupe listens on 127.0.0.1")
          : portInUse(config);
    }
    LoupeServer server = new LoupeServer(config, new RetouchService(), InstalledModels::installed);
    try {
      return server.start();
    } catch (RuntimeException e) {
      server.close();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw portInUse(config);
        }
      }
      throw e;
    }
  }

  private static UserError portInUse(ServerConfig config) {
    return new UserError("port " + config.port() + " on " + config.host() + " is in use (is Loupe already running?); "
        + "stop that server or choose another with --port");
  }
}
