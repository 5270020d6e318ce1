// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import loupe.server.UserError;
import loupe.server.http.ErrorMapping;
import org.junit.jupiter.api.Test;

class JobServiceTest {
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
    try (JobService jobs = new JobService(1, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::toProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job first = jobs.submit("test", untilCancelled(started));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> jobs.submit("test", p -> null))
          .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status()).isEqualTo(429));
      jobs.cancel(first);
    }
  }

  @Test
  void cancel_reaches_the_running_op_and_the_stream_ends_with_cancelled() throws Exception {
    try (JobService jobs = new JobService(1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::toProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job job = jobs.submit("test", untilCancelled(started));
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
      Job next = jobs.submit("test", p -> null);
      assertThat(next).isNotNull();
    }
  }

  @Test
  void a_job_that_runs_too_long_is_stopped() throws Exception {
    try (JobService jobs = new JobService(1, 1, Duration.ofMillis(200), Duration.ofMinutes(1), ErrorMapping::toProblem)) {
      CountDownLatch started = new CountDownLatch(1);
      Job job = jobs.submit("test", untilCancelled(started));
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
    try (JobService jobs = new JobService(1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), ErrorMapping::toProblem)) {
      Job job = jobs.submit("test", p -> {
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
}
