// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.stream.IntStream;

/** The per-pixel loops of the detectors, run in parallel chunks (each index is visited once). */
public final class Pixels {
  /** Indices per parallel task. */
  private static final int CHUNK = 1 << 16;

  private Pixels() {}

  /** A loop over the indices [from, to). */
  public interface Range {
    void run(int from, int to);
  }

  /**
   * Runs {@code op} on chunks that cover [0, n) once; {@code op} must only write at the indices
   * of its own chunk. (The loop is the caller's, so it compiles for that caller alone.)
   */
  public static void each(int n, Range op) {
    IntStream.range(0, chunks(n)).parallel().forEach(c -> op.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
  }

  /** How many of {@code set} are true, counted in parallel. */
  public static int count(boolean[] set) {
    return IntStream.range(0, chunks(set.length)).parallel().map(c -> {
      int n = 0;
      for (int p = c * CHUNK; p < Math.min(set.length, (c + 1) * CHUNK); p++) {
        n += set[p] ? 1 : 0;
      }
      return n;
    }).sum();
  }

  private static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }
}
