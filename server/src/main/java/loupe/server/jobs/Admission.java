// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in the {@link JobService}, taken before a request body is read: a slot, then the job's
 * estimated working memory once its declared sizes are known. It passes to the job on
 * {@link JobService#submit}; if the request fails before that, closing it gives everything back.
 */
public final class Admission implements AutoCloseable {
  private final JobService service;
  private final String kind;
  private final List<Path> tempFiles = new ArrayList<>();
  private long bytes;
  private boolean handedOver;
  private boolean closed;

  Admission(JobService service, String kind) {
    this.service = service;
    this.kind = kind;
  }

  /**
   * Reserves the job's estimated working memory, or refuses: 413 when it exceeds the whole budget,
   * 429 when running and queued jobs hold too much of it right now.
   *
   * @param what the job in words for the refusal, e.g. "12.0 MP 8-bit panel job (quick)"
   */
  public void reserve(long estimatedBytes, String what) {
    if (bytes != 0) {
      throw new IllegalStateException("memory already reserved for this admission");
    }
    service.reserve(estimatedBytes, what);
    bytes = estimatedBytes;
  }

  /**
   * Hands a temp file of the request (an upload) to the job: it is deleted when the job ends,
   * whether its work ran or not, or on {@link #close} if the request fails before submit.
   */
  public void deleteWhenDone(Path tempFile) {
    tempFiles.add(tempFile);
  }

  List<Path> tempFiles() {
    return tempFiles;
  }

  String kind() {
    return kind;
  }

  long bytes() {
    return bytes;
  }

  void handOver() {
    handedOver = true;
  }

  @Override
  public void close() {
    if (!handedOver && !closed) {
      closed = true;
      service.release(bytes);
      Job.deleteTempFiles(tempFiles, "a refused " + kind + " request");
    }
  }
}
