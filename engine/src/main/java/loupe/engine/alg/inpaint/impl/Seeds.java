// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

/** Derives independent, reproducible seeds for sub-tasks from the job seed. */
final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit seed for the sub-task identified by {@code keys} (SplitMix64 finaliser). */
  static long mix(long seed, long... keys) {
    long h = seed;
    for (long k : keys) {
      h = finalise(h + 0x9E3779B97F4A7C15L * (k + 1));
    }
    return h;
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
