// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.time.Duration;

/**
 * How the server runs. Defaults suit one retoucher's machine with 2+ cores.
 *
 * @param host bind address; anything but loopback needs {@code allowRemote}
 * @param port TCP port (0 = any free port, for tests)
 * @param token the bearer token mutating requests must carry
 * @param maxUploadBytes largest request body accepted (streamed bodies are counted)
 * @param maxPixels largest document (width × height) a job may declare
 * @param maxConcurrentJobs jobs that run at once; more are queued up to {@code maxQueuedJobs}
 * @param maxQueuedJobs jobs waiting; beyond that requests get 429
 * @param jobTimeout a running job is cancelled after this long
 * @param resultTtl finished jobs and their results are dropped after this long
 * @param memoryBudgetBytes what the estimated working sets of admitted jobs plus kept results may
 *     add up to; a job that does not fit now gets 429, one that never fits 413
 */
public record ServerConfig(
    String host, int port, String token, long maxUploadBytes, long maxPixels, int maxConcurrentJobs,
    int maxQueuedJobs, Duration jobTimeout, Duration resultTtl, long memoryBudgetBytes) {
  /**
   * The share of the maximum heap ({@code -Xmx}) given to jobs by default. The rest is the
   * garbage collector's headroom (estimates are live bytes, and G1 needs free regions to copy
   * into), the HTTP layer and request bodies in flight.
   */
  public static final double DEFAULT_BUDGET_SHARE = 0.6;

  /** A configuration with the default memory budget. */
  public ServerConfig(String host, int port, String token, long maxUploadBytes, long maxPixels, int maxConcurrentJobs,
      int maxQueuedJobs, Duration jobTimeout, Duration resultTtl) {
    this(host, port, token, maxUploadBytes, maxPixels, maxConcurrentJobs, maxQueuedJobs, jobTimeout, resultTtl,
        defaultMemoryBudget());
  }

  public static ServerConfig defaults(int port, String token) {
    return new ServerConfig("127.0.0.1", port, token, 2L << 30, 300_000_000L, 2, 4,
        Duration.ofMinutes(10), Duration.ofMinutes(30));
  }

  /** {@link #DEFAULT_BUDGET_SHARE} of {@code Runtime.maxMemory()}. */
  public static long defaultMemoryBudget() {
    return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_BUDGET_SHARE);
  }

  public ServerConfig withMemoryBudget(long bytes) {
    return new ServerConfig(host, port, token, maxUploadBytes, maxPixels, maxConcurrentJobs, maxQueuedJobs, jobTimeout,
        resultTtl, bytes);
  }

  public ServerConfig withJobs(int concurrent, int queued) {
    return new ServerConfig(host, port, token, maxUploadBytes, maxPixels, concurrent, queued, jobTimeout, resultTtl,
        memoryBudgetBytes);
  }
}
