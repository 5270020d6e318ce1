// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import loupe.server.UserError;
import loupe.server.http.ErrorMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobServiceTest {
  static final long BUDGET = 1000;

  /** Work that reports progress until it is cancelled (as every long op does between rows). */
  static JobWork untilCancelled(CountDownLatch started) {
    return progress -> {
      started.countDown();
      while (true) {
        progress.report("working", 0.5);
        progress.checkCancelled();
        Thread.sleep(5);
      }
    };
  }

  @Test
  void a_job_beyond_capacity_is_refused_with_429() throws Exception {
    try (JobService jobs = new JobService(1, 0, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job first = jobs.submit(jobs.admit("test"), untilCancelled(started));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> jobs.submit(jobs.admit("test"), p -> null))
          .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status()).isEqualTo(429));
      jobs.cancel(first);
    }
  }

  @Test
  void cancel_reaches_the_running_op_and_the_stream_ends_with_cancelled() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job job = jobs.submit(jobs.admit("test"), untilCancelled(started));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      List<JobEvent> events = new CopyOnWriteArrayList<>();
      CountDownLatch ended = new CountDownLatch(1);
      job.subscribe(e -> {
        events.add(e);
        if (!(e instanceof JobEvent.Progress)) {
          ended.countDown();
        }
      });
      jobs.cancel(job);
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(job.state()).isEqualTo(JobState.CANCELLED);
      assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Cancelled.class);
      // Capacity is free again.
      Job next = jobs.submit(jobs.admit("test"), p -> null);
      assertThat(next).isNotNull();
    }
  }

  @Test
  void a_job_that_runs_too_long_is_stopped() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMillis(200), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job job = jobs.submit(jobs.admit("test"), untilCancelled(started));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!job.state().finished() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(job.state()).isEqualTo(JobState.FAILED);
      assertThat(job.problem().detail()).contains("time limit");
    }
  }

  @Test
  void a_failure_becomes_a_problem_without_a_stack_trace() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      Job job = jobs.submit(jobs.admit("test"), p -> {
        throw new IllegalStateException("boom");
      });
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!job.state().finished() && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertThat(job.state()).isEqualTo(JobState.FAILED);
      assertThat(job.problem().status()).isEqualTo(500);
      assertThat(job.problem().detail()).contains("boom").doesNotContain("at loupe.");
    }
  }

  @Test
  void an_illegal_argument_inside_accepted_work_is_an_internal_500_not_a_bad_request() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      Job job = await(jobs.submit(jobs.admit("test"), p -> {
        throw new IllegalArgumentException("planes differ in size: 4×4 and 4×5");
      }));
      assertThat(job.state()).isEqualTo(JobState.FAILED);
      assertThat(job.problem().status()).isEqualTo(500);
      assertThat(job.problem().title()).isEqualTo("Internal error");
      assertThat(job.problem().detail()).contains("planes differ in size")
          .doesNotContain("at loupe.").doesNotContain("IllegalArgumentException");
      // The same exception while a request is read stays the client's 400; a UserError in work keeps its status.
      assertThat(ErrorMapping.toProblem(new IllegalArgumentException("bad")).status()).isEqualTo(400);
      assertThat(ErrorMapping.jobProblem(new UserError(422, "no layer named Jewelry")).status()).isEqualTo(422);
    }
  }

  /** An output that holds {@code bytes} and records whether it was discarded. */
  static final class HeldOutput implements JobOutput {
    final long bytes;
    volatile boolean discarded;

    HeldOutput(long bytes) {
      this.bytes = bytes;
    }

    @Override
    public Object summary() {
      return java.util.Map.of("bytes", bytes);
    }

    @Override
    public long sizeBytes() {
      return bytes;
    }

    @Override
    public void discard() {
      discarded = true;
    }
  }

  static Job await(Job job) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!job.state().finished() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    return job;
  }

  @Test
  void a_job_larger_than_the_whole_budget_is_413_naming_its_size() {
    try (JobService jobs = new JobService(2, 2, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      Admission admission = jobs.admit("test");
      assertThatThrownBy(() -> admission.reserve(BUDGET + 1, "huge test job"))
          .isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage()).contains("huge test job", "memory budget");
          });
      admission.close();
      // The refused admission gave its place back: the whole capacity is free.
      for (int i = 0; i < 4; i++) {
        jobs.admit("test");
      }
    }
  }

  @Test
  void jobs_that_together_exceed_the_budget_get_429_until_one_finishes() throws Exception {
    try (JobService jobs = new JobService(2, 2, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Admission first = jobs.admit("test");
      first.reserve(600, "first");
      Job running = jobs.submit(first, untilCancelled(started));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      Admission second = jobs.admit("test");
      assertThatThrownBy(() -> second.reserve(500, "second test job"))
          .isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("second test job", "memory budget", "retry");
          });
      second.close();
      Admission small = jobs.admit("test");
      small.reserve(400, "small");
      await(jobs.submit(small, p -> new HeldOutput(0)));
      jobs.cancel(running);
      await(running);
      Admission again = jobs.admit("test");
      again.reserve(BUDGET, "the whole budget");
      again.close();
    }
  }

  /** No new job need come for an old result to go: an idle server kept them (and their folders) until it stopped. */
  @Test
  void a_result_older_than_its_time_to_live_is_dropped_while_the_server_is_idle() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMillis(100), ErrorMapping::jobProblem)) {
      HeldOutput output = new HeldOutput(300);
      Job job = await(jobs.submit(jobs.admit("test"), p -> output));
      assertThat(job.state()).isEqualTo(JobState.DONE);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!output.discarded && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(output.discarded).isTrue();
      assertThat(jobs.find(job.id())).isEmpty();
    }
  }

  @Test
  void a_kept_result_is_dropped_oldest_first_to_make_room_and_its_id_is_gone() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      HeldOutput older = new HeldOutput(300);
      HeldOutput newer = new HeldOutput(300);
      Job a = await(jobs.submit(jobs.admit("test"), p -> older));
      Job b = await(jobs.submit(jobs.admit("test"), p -> newer));
      assertThat(a.state()).isEqualTo(JobState.DONE);
      assertThat(b.state()).isEqualTo(JobState.DONE);
      Admission next = jobs.admit("test");
      next.reserve(600, "next");
      assertThat(older.discarded).isTrue();
      assertThat(newer.discarded).isFalse();
      assertThat(jobs.find(a.id())).isEmpty();
      assertThat(jobs.find(b.id())).contains(b);
      next.close();
    }
  }

  @Test
  void a_failed_or_timed_out_job_gives_its_memory_back() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMillis(200), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      Admission slow = jobs.admit("test");
      slow.reserve(BUDGET, "slow");
      Job timedOut = await(jobs.submit(slow, untilCancelled(new CountDownLatch(1))));
      assertThat(timedOut.problem().detail()).contains("time limit");
      Admission failing = jobs.admit("test");
      failing.reserve(BUDGET, "failing");
      Job failed = await(jobs.submit(failing, p -> {
        throw new IllegalStateException("boom");
      }));
      assertThat(failed.state()).isEqualTo(JobState.FAILED);
      Admission whole = jobs.admit("test");
      whole.reserve(BUDGET, "whole");
      whole.close();
    }
  }

  /** Work that blocks its executor thread until {@code release} opens, recording that thread. */
  static JobWork busyUntil(CountDownLatch release, AtomicReference<Thread> worker) {
    return p -> {
      worker.set(Thread.currentThread());
      release.await();
      return new HeldOutput(0);
    };
  }

  static List<JobEvent> finalEvents(Job job) {
    List<JobEvent> finals = new CopyOnWriteArrayList<>();
    job.subscribe(e -> {
      if (!(e instanceof JobEvent.Progress)) {
        finals.add(e);
      }
    });
    return finals;
  }

  /**
   * The race of a cancel against a queued job whose executor task has just begun: the test holds
   * the job's monitor so the worker stops inside execute, before the job's queued → running step,
   * and cancels right then. Exactly one side may win, and the budget is settled exactly once.
   */
  @Test
  void a_cancel_racing_the_start_of_a_queued_job_settles_the_budget_once() throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<Thread> worker = new AtomicReference<>();
      Job busy = jobs.submit(jobs.admit("test"), busyUntil(release, worker));
      Admission queuedPlace = jobs.admit("test");
      queuedPlace.reserve(600, "queued");
      AtomicBoolean ran = new AtomicBoolean();
      Job queued = jobs.submit(queuedPlace, p -> {
        ran.set(true);
        return new HeldOutput(0);
      });
      List<JobEvent> finals = finalEvents(queued);
      synchronized (queued) {
        release.countDown();
        await(busy);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (worker.get().getState() != Thread.State.BLOCKED && System.nanoTime() < end) {
          Thread.sleep(1);
        }
        assertThat(worker.get().getState()).isEqualTo(Thread.State.BLOCKED);
        jobs.cancel(queued);
      }
      // The single worker runs jobs in order: once this one is done, the cancelled one's task has returned.
      await(jobs.submit(jobs.admit("test"), p -> new HeldOutput(0)));
      assertThat(ran).isFalse();
      assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
      assertThat(finals).singleElement().isInstanceOf(JobEvent.Cancelled.class);
      // The budget is back to exactly its initial value: all of it fits, and not a byte more.
      Admission whole = jobs.admit("test");
      whole.reserve(BUDGET, "whole");
      Admission more = jobs.admit("test");
      assertThatThrownBy(() -> more.reserve(1, "one byte more"))
          .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status()).isEqualTo(429));
      more.close();
      whole.close();
    }
  }

  @Test
  void a_queued_job_cancelled_before_it_ran_deletes_its_upload(@TempDir Path dir) throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      CountDownLatch release = new CountDownLatch(1);
      Job busy = jobs.submit(jobs.admit("test"), busyUntil(release, new AtomicReference<>()));
      Path upload = Files.writeString(dir.resolve("upload.psd"), "8BPS");
      Admission place = jobs.admit("psd");
      place.deleteWhenDone(upload);
      Job queued = jobs.submit(place, p -> new HeldOutput(0));
      assertThat(upload).exists();
      jobs.cancel(queued);
      assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
      assertThat(upload).doesNotExist();
      release.countDown();
      await(busy);
    }
  }

  @Test
  void closing_the_service_ends_queued_jobs_and_deletes_their_uploads(@TempDir Path dir) throws Exception {
    Path upload = Files.writeString(dir.resolve("upload.psd"), "8BPS");
    CountDownLatch release = new CountDownLatch(1);
    Job queued;
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      jobs.submit(jobs.admit("test"), busyUntil(release, new AtomicReference<>()));
      Admission place = jobs.admit("psd");
      place.deleteWhenDone(upload);
      queued = jobs.submit(place, p -> new HeldOutput(0));
    }
    assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
    assertThat(upload).doesNotExist();
  }

  /** Ctrl-C closes the service: kept results, and the result of a job that was still running, are deleted. */
  @Test
  void closing_the_service_discards_kept_results_and_those_of_jobs_finishing_after() throws Exception {
    HeldOutput kept = new HeldOutput(0);
    HeldOutput late = new HeldOutput(0);
    CountDownLatch started = new CountDownLatch(1);
    Job running;
    try (JobService jobs = new JobService(2, 0, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      await(jobs.submit(jobs.admit("test"), p -> kept));
      running = jobs.submit(jobs.admit("test"), p -> {
        started.countDown();
        // Writing a file: deaf to cancellation and interrupts for a moment, then done.
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < end) {
          try {
            Thread.sleep(10);
          } catch (InterruptedException ignored) {
            // keeps writing
          }
        }
        return late;
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(kept.discarded).isTrue();
    await(running);
    assertThat(late.discarded).as("the result of the job that finished after close").isTrue();
  }

  @Test
  void a_job_that_ran_deletes_its_upload_and_a_refused_request_too(@TempDir Path dir) throws Exception {
    try (JobService jobs = new JobService(1, 1, BUDGET, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::jobProblem)) {
      Path ran = Files.writeString(dir.resolve("ran.psd"), "8BPS");
      Admission place = jobs.admit("psd");
      place.deleteWhenDone(ran);
      Job done = await(jobs.submit(place, p -> new HeldOutput(0)));
      assertThat(done.state()).isEqualTo(JobState.DONE);
      assertThat(ran).doesNotExist();
      Path refused = Files.writeString(dir.resolve("refused.psd"), "8BPS");
      Admission tooBig = jobs.admit("psd");
      tooBig.deleteWhenDone(refused);
      assertThatThrownBy(() -> tooBig.reserve(BUDGET + 1, "huge upload")).isInstanceOf(UserError.class);
      tooBig.close();
      assertThat(refused).doesNotExist();
    }
  }
}
