// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * How ONNX Runtime sessions are set up.
 *
 * @param intraOpThreads threads one inference may use (default: the available processors; the user
 *     sets it with {@link #THREADS_PROPERTY} or {@link #THREADS_ENV})
 * @param cpuArena ONNX Runtime's CPU arena allocator; off by default because it keeps the peak of
 *     every run reserved (off: lower peak RSS at the same speed, see docs/models-notes.md)
 */
public record SessionConfig(int intraOpThreads, boolean cpuArena) {
  /** System property for the intra-op thread count ({@code -Dloupe.modelThreads=2}); wins over the variable. */
  public static final String THREADS_PROPERTY = "loupe.modelThreads";
  /** Environment variable for the intra-op thread count ({@code LOUPE_MODEL_THREADS=2}). */
  public static final String THREADS_ENV = "LOUPE_MODEL_THREADS";
  static final int MAX_THREADS = 256;

  public SessionConfig {
    if (intraOpThreads < 1 || intraOpThreads > MAX_THREADS) {
      throw new IllegalArgumentException("intra-op threads must be in 1.." + MAX_THREADS + ", got " + intraOpThreads);
    }
  }

  /** One thread per available processor, arena off. */
  public static SessionConfig defaults() {
    return new SessionConfig(Runtime.getRuntime().availableProcessors(), false);
  }

  /**
   * {@link #defaults()} with the user's thread count: {@link #THREADS_PROPERTY}, else
   * {@link #THREADS_ENV}, else one per available processor.
   *
   * @throws IllegalArgumentException naming the setting if it is not a whole number in 1..256
   */
  public static SessionConfig configured() {
    return defaults().withThreads(threads(System.getProperty(THREADS_PROPERTY), System.getenv(THREADS_ENV),
        Runtime.getRuntime().availableProcessors()));
  }

  static int threads(String property, String env, int processors) {
    boolean fromProperty = property != null && !property.isBlank();
    String value = fromProperty ? property : env;
    if (value == null || value.isBlank()) {
      return processors;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= MAX_THREADS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException((fromProperty ? "-D" + THREADS_PROPERTY : THREADS_ENV)
        + " must be a whole number of threads in 1.." + MAX_THREADS + ", got '" + value.strip() + "'");
  }

  public SessionConfig withThreads(int threads) {
    return new SessionConfig(threads, cpuArena);
  }
}
