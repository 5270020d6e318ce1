// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.util.Locale;

/** The life of a job: queued → running → one of done, failed, cancelled. */
public enum JobState {
  QUEUED, RUNNING, DONE, FAILED, CANCELLED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
