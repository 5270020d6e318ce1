// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

/** The median wall time of a side's timed runs and the result of its last run. */
public record Timed<T>(double ms, T result) {}
