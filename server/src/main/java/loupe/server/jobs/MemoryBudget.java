// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The heap that jobs may hold, as estimated bytes: the working sets of jobs being received, queued
 * or running ("active"), plus the results finished jobs keep for download ("kept"). Active jobs
 * are never pushed out; kept results are, oldest first, when a new job needs their room.
 */
final class MemoryBudget {
  private final long limit;
  private final Map<Job, Kept> kept = new LinkedHashMap<>();
  private long active;
  private long keptBytes;

  MemoryBudget(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("memory budget must be positive, got " + limit);
    }
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  synchronized long active() {
    return active;
  }

  /**
   * Reserves {@code bytes} for a job being admitted. Drops the oldest kept results (handing each
   * job and its output to {@code evict}) while they stand in the way.
   *
   * @return false when the active jobs alone leave no room (nothing is reserved then)
   */
  synchronized boolean tryReserve(long bytes, BiConsumer<Job, JobOutput> evict) {
    if (active + bytes > limit) {
      return false;
    }
    Iterator<Map.Entry<Job, Kept>> oldest = kept.entrySet().iterator();
    while (active + keptBytes + bytes > limit && oldest.hasNext()) {
      Map.Entry<Job, Kept> e = oldest.next();
      oldest.remove();
      keptBytes -= e.getValue().bytes();
      evict.accept(e.getKey(), e.getValue().output());
    }
    active += bytes;
    return true;
  }

  synchronized void release(long bytes) {
    active -= bytes;
  }

  /** A finished job gives back its working set and keeps its output's bytes until it is forgotten. */
  synchronized void keep(Job job, long workingBytes, JobOutput output) {
    long bytes = output.sizeBytes();
    active -= workingBytes;
    kept.put(job, new Kept(output, bytes));
    keptBytes += bytes;
  }

  /** The job's kept result is gone (expired or the service closed). */
  synchronized void forget(Job job) {
    Kept k = kept.remove(job);
    if (k != null) {
      keptBytes -= k.bytes();
    }
  }

  private record Kept(JobOutput output, long bytes) {}
}
