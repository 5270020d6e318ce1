// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
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
 * Runs jobs with bounded concurrency and a bounded queue, keeps finished results for a bounded
 * time, and turns every failure into a {@link Problem}. A job beyond capacity is refused with 429
 * rather than queued without limit — memory, not patience, is what runs out first.
 */
public final class JobService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final int capacity;
  private final Duration timeout;
  private final Duration ttl;
  private final Function<Throwable, Problem> errors;
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "loupe-job-timeout");
    t.setDaemon(true);
    return t;
  });

  public JobService(int concurrent, int queued, Duration timeout, Duration ttl, Function<Throwable, Problem> errors) {
    this.executor = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "loupe-job");
          t.setDaemon(true);
          return t;
        });
    this.capacity = concurrent + queued;
    this.timeout = timeout;
    this.ttl = ttl;
    this.errors = errors;
  }

  /** Starts a job, or refuses with 429 when {@code capacity} jobs are already waiting or running. */
  public Job submit(String kind, JobWork work) {
    expire();
    if (pending.incrementAndGet() > capacity) {
      pending.decrementAndGet();
      throw new UserError(429, "Loupe is busy with " + capacity + " jobs; try again shortly");
    }
    Job job = new Job("j-" + HexFormat.of().formatHex(random.generateSeed(8)), kind);
    jobs.put(job.id(), job);
    job.attach(executor.submit(() -> execute(job, work)));
    return job;
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public void cancel(Job job) {
    if (job.cancel()) {
      pending.decrementAndGet();
    }
  }

  private void execute(Job job, JobWork work) {
    if (job.state().finished()) {
      return;
    }
    ScheduledFuture<?> watchdog = scheduler.schedule(job::timeOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      job.start();
      job.finish(JobState.DONE, work.run(job), null);
    } catch (CancelledException e) {
      if (job.timedOut()) {
        job.finish(JobState.FAILED, null, Problem.of(504, "Too slow",
            "the job exceeded the time limit of " + timeout.toSeconds() + " s and was stopped"));
      } else {
        job.finish(JobState.CANCELLED, null, null);
      }
    } catch (Throwable e) {
      if (!(e instanceof UserError)) {
        LOG.warn("job {} failed", job.id(), e);
      }
      job.finish(JobState.FAILED, null, errors.apply(e));
    } finally {
      watchdog.cancel(false);
      pending.decrementAndGet();
    }
  }

  /** Drops finished jobs older than the time-to-live, freeing their results. */
  void expire() {
    Instant limit = Instant.now().minus(ttl);
    jobs.values().removeIf(j -> {
      boolean old = j.state().finished() && j.finishedAt() != null && j.finishedAt().isBefore(limit);
      if (old && j.output() != null) {
        j.output().discard();
      }
      return old;
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
    scheduler.shutdownNow();
    jobs.values().forEach(j -> {
      if (j.output() != null) {
        j.output().discard();
      }
    });
  }
}
