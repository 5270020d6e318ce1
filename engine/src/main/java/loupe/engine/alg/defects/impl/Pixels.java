// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** The per-pixel loops of the detectors, run in parallel chunks (each index is visited once). */
public final class Pixels {
  /** Indices per parallel task. */
  private static final int CHUNK = 1 << 16;

  private Pixels() {}

  /** Runs {@code op} on every index of [0, n); {@code op} must only write at its own index. */
  public static void each(int n, IntConsumer op) {
    IntStream.range(0, chunks(n)).parallel().forEach(c -> {
      for (int p = c * CHUNK; p < Math.min(n, (c + 1) * CHUNK); p++) {
        op.accept(p);
      }
    });
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
