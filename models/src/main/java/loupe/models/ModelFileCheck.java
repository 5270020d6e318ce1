// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Is an installed model file the file that was verified? Its size and SHA-256 must match the
 * manifest when the manifest pins them, otherwise the record written when it was added.
 */
final class ModelFileCheck {
  private ModelFileCheck() {}

  /** Returns the file's verified SHA-256, or throws a {@link ModelException} that says what is wrong. */
  static String verify(ModelManifest manifest, ModelVariant variant, ModelFolder folder) {
    Path file = folder.file(variant);
    String id = manifest.id();
    if (!Files.isRegularFile(file)) {
      throw new ModelException(id, "not installed (" + file + (Files.isDirectory(file) ? " is a folder, not a model file"
          : " is missing") + "); " + manifest.install().instructions());
    }
    Optional<InstalledRecord> record = folder.record(variant);
    String expectedSha = variant.pinned() ? variant.sha256() : record.map(InstalledRecord::sha256).orElse(null);
    Long expectedSize = variant.size() != null ? variant.size() : record.map(InstalledRecord::size).orElse(null);
    if (expectedSha == null) {
      throw new ModelException(id, file + " has no install record (" + folder.recordFile(variant).getFileName()
          + "); add it again with: loupe models add " + id + " FILE.onnx");
    }
    try {
      long size = Files.size(file);
      if (expectedSize != null && size != expectedSize) {
        throw new ModelException(id, (size < expectedSize ? "file is truncated: " : "file has the wrong size: ") + size
            + " of " + expectedSize + " bytes (" + file + "); reinstall it");
      }
      String sha = Sha256.ofFile(file);
      if (!sha.equals(expectedSha)) {
        throw new ModelException(id, "checksum mismatch: " + file + " has sha256 " + Sha256.shortForm(sha) + "…, expected "
            + Sha256.shortForm(expectedSha) + "…; reinstall it");
      }
      return sha;
    } catch (IOException e) {
      throw new UncheckedIOException("model '" + id + "': cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
