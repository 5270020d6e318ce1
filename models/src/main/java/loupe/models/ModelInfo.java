// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.nio.file.Path;

/** Which model produced a result: enough to reproduce it and to name it in a job's report. */
public record ModelInfo(String id, String variant, String sha256, Path file) {
  @Override
  public String toString() {
    return id + "/" + variant + " sha256:" + sha256;
  }
}
