// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * How often a side of a workload runs: {@code warmups} untimed runs (JIT, caches, thread pools),
 * then {@code runs} timed ones whose median is reported.
 */
public record Repeat(int warmups, int runs) {
  public Repeat {
    if (warmups < 0 || runs < 1) {
      throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + " and " + runs);
    }
  }

  /** Runs {@code body} and returns the median wall time and the last run's result. */
  public <T> Timed<T> time(Callable<T> body) throws Exception {
    return time(body, result -> { });
  }

  /** Cleanup that runs, untimed, after every run of a body (warm-ups included). */
  public interface After<T> {
    void accept(T result) throws Exception;
  }

  /** As {@link #time(Callable)}, with {@code after} run untimed on each run's result. */
  public <T> Timed<T> time(Callable<T> body, After<T> after) throws Exception {
    for (int i = 0; i < warmups; i++) {
      after.accept(body.call());
    }
    double[] ms = new double[runs];
    T last = null;
    for (int i = 0; i < runs; i++) {
      last = null; // let the previous result go before the next run allocates its own
      long t0 = System.nanoTime();
      last = body.call();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      after.accept(last);
    }
    return new Timed<>(median(ms), last);
  }

  /** Median; the mean of the two middle values for an even count. */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** "3 runs + 1 warm-up", for the table. */
  public String describe() {
    return runs + (runs == 1 ? " run" : " runs") + (warmups == 0 ? "" : " + " + warmups + " warm-up");
  }
}
