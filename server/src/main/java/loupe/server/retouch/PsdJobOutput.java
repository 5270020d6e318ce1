// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import loupe.server.jobs.JobOutput;

/** The result of a PSD job: the written PSD (in its own temp folder) and a summary. */
final class PsdJobOutput implements JobOutput {
  private final FileOutcome outcome;
  private final Path dir;

  PsdJobOutput(FileOutcome outcome, Path dir) {
    this.outcome = outcome;
    this.dir = dir;
  }

  @Override
  public Object summary() {
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
    return outcome.written().bytes();
  }

  @Override
  public Optional<Path> psdFile() {
    return Files.exists(outcome.output()) ? Optional.of(outcome.output()) : Optional.empty();
  }

  @Override
  public void discard() {
    RetouchService.deleteTree(dir);
  }
}
