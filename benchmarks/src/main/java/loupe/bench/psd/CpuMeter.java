// SPDX-License-Identifier: Apache-2.0
package loupe.bench.psd;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loupe.bench.run.Repeat;

/**
 * Wraps a workload body and records the process CPU time (all threads, GC included) of each call,
 * so a row can report CPU next to wall time: on a shared machine wall time depends on the load, CPU
 * time much less.
 */
final class CpuMeter<T> implements Callable<T> {
  private final Callable<T> body;
  private final List<Double> ms = new ArrayList<>();

  CpuMeter(Callable<T> body) {
    this.body = body;
  }

  @Override
  public T call() throws Exception {
    long t0 = processCpuNanos();
    T result = body.call();
    ms.add((processCpuNanos() - t0) / 1e6);
    return result;
  }

  /** Median CPU ms of the last {@code runs} calls (the timed runs follow the warm-ups). */
  double medianOfLast(int runs) {
    List<Double> last = ms.subList(Math.max(0, ms.size() - runs), ms.size());
    return Repeat.median(last.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
