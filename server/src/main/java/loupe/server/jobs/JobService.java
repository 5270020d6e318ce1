// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import loupe.engine.CancelledException;
import loupe.server.UserError;
import loupe.server.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs with bounded concurrency, a bounded queue and a memory budget, keeps finished results
 * for a bounded time (and only while the budget has room for them), and turns every failure into
 * a {@link Problem}. A job beyond capacity is refused with 429 rather than queued without limit —
 * memory, not patience, is what runs out first; a job that could never fit is refused with 413.
 */
public final class JobService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final int capacity;
  private final MemoryBudget budget;
  private final Duration timeout;
  private final Duration ttl;
  private final Function<Throwable, Problem> errors;
  /** How long {@link #close} waits for running jobs to notice their cancellation. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private final SecureRandom random = new SecureRandom();
  private volatile boolean closed;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "loupe-job-clock");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param concurrent jobs that run at once
   * @param queued jobs that may wait beyond those
   * @param memoryBudget bytes the estimated working sets of admitted jobs plus kept results may add up to
   * @param timeout a running job is stopped after this long
   * @param ttl finished jobs are dropped after this long
   */
  public JobService(int concurrent, int queued, long memoryBudget, Duration timeout, Duration ttl,
      Function<Throwable, Problem> errors) {
    this.executor = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "loupe-job");
          t.setDaemon(true);
          return t;
        });
    this.capacity = concurrent + queued;
    this.budget = new MemoryBudget(memoryBudget);
    this.timeout = timeout;
    this.ttl = ttl;
    this.errors = errors;
    // Also when no job comes: an idle server drops its old results (and their folders) on time.
    long every = Math.max(1, Math.min(ttl.toMillis(), Duration.ofMinutes(1).toMillis()));
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        expire();
      } catch (RuntimeException e) {
        // A result folder that cannot be deleted must not end the timer (a failed run cancels the schedule).
        LOG.warn("dropping expired results failed: {}", e.toString());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes a place for a job whose request is about to be read, or refuses with 429 when
   * {@code capacity} jobs are already being received, waiting or running.
   */
  public Admission admit(String kind) {
    expire();
    if (pending.incrementAndGet() > capacity) {
      pending.decrementAndGet();
      throw new UserError(429, "Loupe is busy with " + capacity + " jobs (" + executor.getActiveCount()
          + " running, the others queued or uploading), its limit; retry in a few seconds");
    }
    return new Admission(this, kind);
  }

  /** Starts the admitted job; from here the job owns the admission's slot, memory and temp files. */
  public Job submit(Admission admission, JobWork work) {
    return submit(admission, work, errors);
  }

  /** As {@link #submit(Admission, JobWork)}, its failures told as {@code errors} says. */
  public Job submit(Admission admission, JobWork work, Function<Throwable, Problem> errors) {
    byte[] id = new byte[8];
    random.nextBytes(id);
    Job job = new Job("j-" + HexFormat.of().formatHex(id), admission.kind(), admission.bytes(), admission.tempFiles());
    admission.handOver();
    jobs.put(job.id(), job);
    job.attach(executor.submit(() -> execute(job, work, errors)));
    return job;
  }

  void reserve(long bytes, String what) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a job's memory estimate cannot be negative: " + bytes);
    }
    if (bytes > budget.limit()) {
      throw new UserError(413, "this " + what + " needs about " + Bytes.format(bytes) + " of working memory, more than "
          + "the server's whole memory budget of " + Bytes.format(budget.limit()) + "; send a smaller document or "
          + "start Loupe with more memory (-Xmx)");
    }
    if (!budget.tryReserve(bytes, this::evict)) {
      throw new UserError(429, "Loupe is busy: the jobs running or queued now hold " + Bytes.format(budget.active())
          + " of its " + Bytes.format(budget.limit()) + " memory budget and this " + what + " needs about "
          + Bytes.format(bytes) + "; retry when a job has finished");
    }
  }

  void release(long bytes) {
    budget.release(bytes);
    pending.decrementAndGet();
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Cancels the job: a queued one ends now and gives its place back, a running one stops at its next check. */
  public void cancel(Job job) {
    job.cancel(() -> release(job.reservedBytes()));
  }

  private void execute(Job job, JobWork work, Function<Throwable, Problem> errors) {
    if (!job.tryStart()) {
      return; // cancelled while queued: the cancel settled the budget and ended the job
    }
    ScheduledFuture<?> watchdog = scheduler.schedule(job::timeOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
    JobState end = JobState.FAILED;
    JobOutput output = null;
    Problem problem = null;
    try {
      output = Objects.requireNonNull(work.run(job), "the job produced no output");
      end = JobState.DONE;
    } catch (CancelledException e) {
      if (job.timedOut()) {
        problem = Problem.of(504, "Too slow", "the job exceeded the time limit of " + timeout.toSeconds()
            + " s and was stopped");
      } else {
        end = JobState.CANCELLED;
      }
    } catch (Throwable e) {
      problem = errors.apply(e);
      if (problem.status() >= 500) {
        // One line on the console per failure of Loupe's (bad input, a damaged upload among it, is
        // the client's to read about); the stack trace only for whoever debugs Loupe.
        LOG.warn("job {} failed: {}", job.id(), e.toString());
        LOG.debug("job {} failed", job.id(), e);
      }
    } finally {
      watchdog.cancel(false);
      if (output != null && closed) {
        // The service closed while the job ran: nobody can download the result any more.
        output.discard();
      }
      // Settle the budget before the final event goes out, so a client that submits its next job
      // on "done" finds the room already free.
      if (output != null) {
        budget.keep(job, job.reservedBytes(), output);
        pending.decrementAndGet();
      } else {
        release(job.reservedBytes());
      }
    }
    job.finish(end, output, problem);
  }

  /**
   * Drops a kept result to make room for a new job; its id then answers 404 like an expired one.
   * Whoever takes a job out of the map discards its output, so the timer's expiry and an eviction
   * never both do.
   */
  private void evict(Job job, JobOutput output) {
    if (jobs.remove(job.id(), job)) {
      output.discard();
    }
  }

  /** Drops finished jobs older than the time-to-live, freeing their results. */
  void expire() {
    Instant limit = Instant.now().minus(ttl);
    for (Job j : jobs.values()) {
      boolean old = j.state().finished() && j.finishedAt() != null && j.finishedAt().isBefore(limit);
      if (old && jobs.remove(j.id(), j) && j.output() != null) {
        budget.forget(j);
        j.output().discard();
      }
    }
  }

  /**
   * Stops the service and deletes what its jobs hold on disk: kept results now, and the result of
   * a job still running when it finishes (a job that ignores cancellation for a while cannot leave
   * its result folder behind). Waits a few seconds for running jobs to stop.
   */
  @Override
  public void close() {
    closed = true;
    // Queued jobs end as cancelled (deleting their temp files) rather than vanish with the executor's queue.
    jobs.values().forEach(this::cancel);
    executor.shutdownNow();
    scheduler.shutdownNow();
    try {
      executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // After the wait: a job that finished meanwhile may have seen the service still open and kept
    // its result (one still running discards its own when it ends). Discarding twice is harmless.
    jobs.values().forEach(j -> {
      if (j.output() != null) {
        j.output().discard();
      }
    });
  }
}
