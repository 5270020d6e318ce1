// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import loupe.engine.Progress;
import loupe.server.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One job: its state, latest progress, outcome, and the listeners of its event stream. */
public final class Job implements Progress {
  private static final Logger LOG = LoggerFactory.getLogger(Job.class);
  private final String id;
  private final String kind;
  private final long reservedBytes;
  private final List<Path> tempFiles;
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

  /** @param tempFiles deleted when the job ends, whether its work ran or not */
  Job(String id, String kind, long reservedBytes, List<Path> tempFiles) {
    this.id = id;
    this.kind = kind;
    this.reservedBytes = reservedBytes;
    this.tempFiles = List.copyOf(tempFiles);
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
   * Asks the running op to stop at its next check; a queued job never starts. Queued → cancelled
   * is one atomic step against {@link #tryStart}, so exactly one of them wins.
   *
   * @param settle runs only if this call cancels a queued job, before the final event goes out
   * @return true if the job was still queued and is now cancelled (it will never run)
   */
  boolean cancel(Runnable settle) {
    cancelRequested = true;
    synchronized (this) {
      if (state != JobState.QUEUED) {
        return false;
      }
      settle.run();
      finish(JobState.CANCELLED, null, null);
    }
    Future<?> f = future;
    if (f != null) {
      f.cancel(false); // only takes it out of the executor's queue; the state already says it never runs
    }
    return true;
  }

  /** Stops the running job because it ran past its time limit; it ends as failed, not cancelled. */
  void timeOut() {
    timedOut = true;
    cancelRequested = true;
  }

  boolean timedOut() {
    return timedOut;
  }

  /** Queued → running, unless the job was cancelled first; false means it must not run. */
  synchronized boolean tryStart() {
    if (state != JobState.QUEUED) {
      return false;
    }
    state = JobState.RUNNING;
    report("started", 0);
    return true;
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
    deleteTempFiles(tempFiles, "job " + id);
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

  /** Best effort: a temp file that cannot be deleted is logged, not a reason to fail the job's end. */
  static void deleteTempFiles(List<Path> files, String owner) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        LOG.warn("{} could not delete its temp file {}", owner, f, e);
      }
    }
  }

  private void emit(JobEvent event) {
    for (Consumer<JobEvent> l : listeners) {
      l.accept(event);
    }
  }
}
