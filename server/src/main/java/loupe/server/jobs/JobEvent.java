// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import loupe.server.http.Problem;

/** The typed events of one job's stream; each ends with exactly one of Done, Failed, Cancelled. */
public sealed interface JobEvent {
  String name();

  /** The JSON body of the event. */
  Object payload();

  record Progress(String stage, double fraction) implements JobEvent {
    public String name() {
      return "progress";
    }

    public Object payload() {
      return java.util.Map.of("stage", stage, "fraction", fraction);
    }
  }

  record Done(Object result) implements JobEvent {
    public String name() {
      return "done";
    }

    public Object payload() {
      return result;
    }
  }

  record Failed(Problem problem) implements JobEvent {
    public String name() {
      return "failed";
    }

    public Object payload() {
      return problem;
    }
  }

  record Cancelled() implements JobEvent {
    public String name() {
      return "cancelled";
    }

    public Object payload() {
      return java.util.Map.of("state", "cancelled");
    }
  }
}
