// SPDX-License-Identifier: Apache-2.0
package loupe.engine;

/**
 * Where a long-running op reports its stage and learns that it was cancelled. Ops call
 * {@link #checkCancelled()} between rows or tiles so that a cancel reaches the running work.
 */
public interface Progress {
  /** Reports that {@code stage} is {@code fraction} (0..1) done. */
  void report(String stage, double fraction);

  boolean isCancelled();

  /** Throws {@link CancelledException} if the job was cancelled. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }

  /** A progress sink that ignores reports and is never cancelled. */
  Progress NONE = new Progress() {
    @Override
    public void report(String stage, double fraction) {}

    @Override
    public boolean isCancelled() {
      return false;
    }
  };
}
