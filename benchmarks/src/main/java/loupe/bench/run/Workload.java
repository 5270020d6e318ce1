// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

/** One row of the bench: set up its inputs, time Loupe and the reference, measure quality. */
public interface Workload {
  /** Stable key: {@code --only} matches it, and the forked worker finds its workload by it. */
  String id();

  Row run() throws Exception;
}
