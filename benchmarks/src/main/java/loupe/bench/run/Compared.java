// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import java.util.concurrent.Callable;

/**
 * Loupe's side and the reference's side of one workload, timed in the same process. The peak RSS
 * is read after Loupe's runs and before the reference starts, so it covers the inputs and Loupe
 * only (the reference is usually native code with its own appetite).
 */
public record Compared<L, R>(Timed<L> loupe, Timed<R> reference, long peakRssMb) {

  public static <L, R> Compared<L, R> run(Repeat loupeRepeat, Callable<L> loupe, Repeat referenceRepeat,
      Callable<R> reference) throws Exception {
    Timed<L> l = loupeRepeat.time(loupe);
    long rss = PeakRss.megabytes();
    return new Compared<>(l, referenceRepeat.time(reference), rss);
  }

  /**
   * As {@link #run(Repeat, Callable, Repeat, Callable)}, but the reference's inputs (a native library,
   * an OpenCV copy of the image) are made by {@code prepareReference}, untimed, after Loupe's peak RSS
   * is read: the figure is Loupe's, not the reference's.
   */
  public static <L, R> Compared<L, R> runPrepared(Repeat loupeRepeat, Callable<L> loupe, Repeat referenceRepeat,
      Callable<Callable<R>> prepareReference) throws Exception {
    Timed<L> l = loupeRepeat.time(loupe);
    long rss = PeakRss.megabytes();
    return new Compared<>(l, referenceRepeat.time(prepareReference.call()), rss);
  }

  /** A workload without a reference tool. */
  public static <L> Compared<L, Void> loupeOnly(Repeat repeat, Callable<L> loupe) throws Exception {
    Timed<L> l = repeat.time(loupe);
    return new Compared<>(l, null, PeakRss.megabytes());
  }

  public Double referenceMs() {
    return reference == null ? null : reference.ms();
  }
}
