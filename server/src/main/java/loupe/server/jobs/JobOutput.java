// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.util.Optional;

/** What a finished job keeps: a JSON-able summary plus the artefacts clients download. */
public interface JobOutput {
  /** The result object sent in the "done" event and in GET /v1/jobs/{id}. */
  Object summary();

  /** Bytes held (for the result store's size bound). */
  long sizeBytes();

  /** The framed bytes of result layer {@code index}, encoded as they are read, if this job has layers. */
  default Optional<loupe.server.protocol.Frame.Streamed> layerFrame(int index) {
    return Optional.empty();
  }

  /** The resulting PSD file, if this job produced one. */
  default Optional<java.nio.file.Path> psdFile() {
    return Optional.empty();
  }

  /** Frees what the output holds (temp files). */
  default void discard() {}
}
