// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import loupe.server.jobs.JobOutput;

/**
 * The result of a PSD job: the written PSD (in its own temp folder) and a summary. Only the summary
 * is kept in memory — the recipe's layers and masks are dropped as soon as the job ends, so a kept
 * result holds kilobytes, and its size bound is the file it keeps on disk.
 */
final class PsdJobOutput implements JobOutput {
  private final Map<String, Object> summary;
  private final Path output;
  private final long bytes;
  private final Path dir;

  PsdJobOutput(FileOutcome outcome, Path dir) {
    this.summary = summaryOf(outcome);
    this.output = outcome.output();
    this.bytes = outcome.written().bytes();
    this.dir = dir;
  }

  @Override
  public Object summary() {
    return summary;
  }

  private static Map<String, Object> summaryOf(FileOutcome outcome) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("recipe", outcome.result().recipe().id());
    out.put("layersAdded", outcome.result().layers().size());
    out.put("fidelity", ResultJson.fidelity(outcome.result().fidelity()));
    out.put("notes", outcome.result().notes());
    out.put("models", ResultJson.models(outcome.result().models()));
    out.put("compositeRecomputed", outcome.written().compositeRecomputed());
    out.put("compositeNote", outcome.written().reason());
    out.put("bytes", outcome.written().bytes());
    out.put("millis", outcome.millis());
    return out;
  }

  @Override
  public long sizeBytes() {
    return bytes;
  }

  @Override
  public Optional<Path> psdFile() {
    return Files.exists(output) ? Optional.of(output) : Optional.empty();
  }

  @Override
  public void discard() {
    RetouchService.deleteTree(dir);
  }
}
