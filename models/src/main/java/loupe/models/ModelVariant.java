// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.util.Objects;

/**
 * One installable file of a model.
 *
 * @param file file name inside the model folder
 * @param sha256 lower-case hex digest of the whole file, or null for a user-supplied export
 *     (its digest is recorded when it is added)
 * @param size byte size, or null when not fixed
 * @param source where the installer finds it (for npm: the key in the package's resources.json)
 * @param note one line for listings
 */
public record ModelVariant(String name, String file, String sha256, Long size, String source, String note) {
  public ModelVariant {
    Objects.requireNonNull(name, "variant name");
    Objects.requireNonNull(file, "variant file");
    if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
      throw new IllegalArgumentException("variant file must be a plain file name, got " + file);
    }
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("variant " + name + ": sha256 must be 64 lower-case hex digits");
    }
  }

  /** True if the manifest pins the file's digest (installs are checked against it). */
  public boolean pinned() {
    return sha256 != null;
  }
}
