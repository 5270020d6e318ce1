// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import loupe.engine.Progress;
import loupe.server.http.Problem;

/** One job: its state, latest progress, outcome, and the listeners of its event stream. */
public final class Job implements Progress {
  private final String id;
  private final String kind;
  private final long reservedBytes;
  private final Instant created = Instant.now();
  private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile JobState state = JobState.QUEUED;
  private volatile String stage = "queued";
  private volatile double fraction;
  private volatile boolean cancelRequested;
  private volatile boolean timedOut;
  private volatile Problem problem;
  private volatile JobOutput output;
  private volatile Instant finishedAt;
  private volatile Future<?> future;

  Job(String id, String kind, long reservedBytes) {
    this.id = id;
    this.kind = kind;
    this.reservedBytes = reservedBytes;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public JobState state() {
    return state;
  }

  public String stage() {
    return stage;
  }

  public double fraction() {
    return fraction;
  }

  public Problem problem() {
    return problem;
  }

  public JobOutput output() {
    return output;
  }

  /** The working memory reserved for this job at admission (bytes). */
  long reservedBytes() {
    return reservedBytes;
  }

  Instant created() {
    return created;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  void attach(Future<?> running) {
    this.future = running;
  }

  @Override
  public void report(String stage, double fraction) {
    this.stage = stage;
    this.fraction = Math.max(0, Math.min(1, fraction));
    emit(new JobEvent.Progress(stage, this.fraction));
  }

  @Override
  public boolean isCancelled() {
    return cancelRequested;
  }

  /**
   * Asks the running op to stop at its next check; a queued job never starts.
   *
   * @return true if the job was still queued and is now cancelled (it will never run)
   */
  boolean cancel() {
    cancelRequested = true;
    Future<?> f = future;
    if (state == JobState.QUEUED && f != null && f.cancel(false)) {
      finish(JobState.CANCELLED, null, null);
      return true;
    }
    return false;
  }

  /** Stops the job because it ran past its time limit; it ends as failed, not cancelled. */
  void timeOut() {
    timedOut = true;
    cancel();
  }

  boolean timedOut() {
    return timedOut;
  }

  synchronized void start() {
    state = JobState.RUNNING;
    report("started", 0);
  }

  synchronized void finish(JobState end, JobOutput out, Problem failure) {
    if (state.finished()) {
      return;
    }
    this.output = out;
    this.problem = failure;
    this.state = end;
    this.finishedAt = Instant.now();
    if (end == JobState.DONE) {
      fraction = 1;
      stage = "done";
    }
    emit(switch (end) {
      case DONE -> new JobEvent.Done(out.summary());
      case FAILED -> new JobEvent.Failed(failure);
      default -> new JobEvent.Cancelled();
    });
  }

  /**
   * Subscribes to events; a listener that joins after the end gets the final event at once, so a
   * client that connects late still learns the outcome.
   */
  public synchronized void subscribe(Consumer<JobEvent> listener) {
    if (state.finished()) {
      listener.accept(finalEvent());
      return;
    }
    listeners.add(listener);
  }

  public void unsubscribe(Consumer<JobEvent> listener) {
    listeners.remove(listener);
  }

  private JobEvent finalEvent() {
    return switch (state) {
      case DONE -> new JobEvent.Done(output.summary());
      case FAILED -> new JobEvent.Failed(problem);
      default -> new JobEvent.Cancelled();
    };
  }

  private void emit(JobEvent event) {
    for (Consumer<JobEvent> l : listeners) {
      l.accept(event);
    }
  }
}
