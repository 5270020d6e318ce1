// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise.impl;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import loupe.engine.Progress;

/**
 * Runs independent horizontal strips on every core: each worker owns one scratch object and pulls
 * strip indices until none are left. Cancellation is checked before every strip; progress is
 * reported as the fraction of finished strips.
 */
public final class StripRunner {
  /** Work on the rows [y0, y1) with the worker's own scratch. */
  public interface StripTask<S> {
    void run(S scratch, int y0, int y1);
  }

  private StripRunner() {}

  public static <S> void run(int height, int stripRows, Supplier<S> scratch, StripTask<S> task, Progress progress,
      String stage) {
    int strips = (height + stripRows - 1) / stripRows;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(strips, Runtime.getRuntime().availableProcessors()));
    IntStream.range(0, workers).parallel().forEach(worker -> {
      S own = scratch.get();
      for (int s = next.getAndIncrement(); s < strips; s = next.getAndIncrement()) {
        progress.checkCancelled();
        int y0 = s * stripRows;
        task.run(own, y0, Math.min(height, y0 + stripRows));
        int finished = done.incrementAndGet();
        synchronized (progress) {
          progress.report(stage, finished / (double) strips);
        }
      }
    });
  }
}
