// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * How ONNX Runtime sessions are set up.
 *
 * @param intraOpThreads threads one inference may use (default: the available processors)
 * @param cpuArena ONNX Runtime's CPU arena allocator; off by default because it keeps the peak of
 *     every run reserved (off: lower peak RSS at the same speed, see docs/models-notes.md)
 */
public record SessionConfig(int intraOpThreads, boolean cpuArena) {
  public SessionConfig {
    if (intraOpThreads < 1 || intraOpThreads > 256) {
      throw new IllegalArgumentException("intra-op threads must be in 1..256, got " + intraOpThreads);
    }
  }

  public static SessionConfig defaults() {
    return new SessionConfig(Runtime.getRuntime().availableProcessors(), false);
  }

  public SessionConfig withThreads(int threads) {
    return new SessionConfig(threads, cpuArena);
  }
}
