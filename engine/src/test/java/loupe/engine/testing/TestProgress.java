// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import loupe.engine.Progress;

/** Progress sinks for tests. */
public final class TestProgress {
  /** A job its caller has already cancelled: the first {@link Progress#checkCancelled()} throws. */
  public static final Progress CANCELLED = new Cancelled();

  private TestProgress() {}

  private static final class Cancelled implements Progress {
    @Override
    public boolean isCancelled() {
      return true;
    }

    @Override
    public void report(String stage, double fraction) {
      // reports are not checked here
    }
  }
}
