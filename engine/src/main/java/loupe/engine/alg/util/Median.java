// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.util;

import java.util.Arrays;

/** Sample medians by sorting a copy (the robust fits' residual scale is 1.4826 times one). */
public final class Median {
  private Median() {}

  /**
   * The upper median: element {@code n / 2} of the first {@code n} values in ascending order.
   *
   * @param values Not modified
   * @param n values used, 1..values.length
   */
  public static double upper(double[] values, int n) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return sorted[n / 2];
  }
}
