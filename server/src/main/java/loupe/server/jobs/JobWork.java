// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import loupe.engine.Progress;

/** The work of one job; it reports to and checks cancellation on {@code progress}. */
@FunctionalInterface
public interface JobWork {
  JobOutput run(Progress progress) throws Exception;
}
