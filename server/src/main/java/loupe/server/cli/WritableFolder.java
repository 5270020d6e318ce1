// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.psd.AtomicFiles;
import loupe.server.UserError;
import loupe.server.io.FileErrors;

/**
 * The folder a command will write into, made and tried before any work: a read-only or misnamed
 * folder is then one line at the start instead of a failure after every file was computed.
 */
final class WritableFolder {
  private WritableFolder() {}

  /**
   * Creates {@code folder} if needed and creates and deletes a file in it; folders it had to create
   * are removed again, so that a run that then fails leaves nothing behind (the job makes them when
   * it writes).
   *
   * @param option the option that names it, for the message ("--out")
   * @param given the option's value: the folder, or a file to be written in it
   * @throws UserError naming the option, when the folder or one above it is a file, or when it cannot be made or written
   */
  static void require(String option, Path given, Path folder) throws IOException {
    String named = option + " " + given;
    Path file = fileInTheWay(folder.toAbsolutePath().normalize());
    if (file != null) {
      throw new UserError(named + ": " + (file.equals(given.toAbsolutePath()) ? "" : file + " ") + "is a file, not a folder");
    }
    Path absolute = folder.toAbsolutePath().normalize();
    Path existing = absolute;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      Files.createDirectories(absolute);
      AtomicFiles.requireWritable(absolute);
      for (Path p = absolute; !p.equals(existing); p = p.getParent()) {
        Files.deleteIfExists(p);
      }
    } catch (FileSystemException e) {
      UserError refused = new UserError(named + ": cannot write there (" + FileErrors.describe(e) + ")");
      refused.initCause(e);
      throw refused;
    }
  }

  /** The nearest of {@code folder} and the folders above it that exists, if it is not a folder; else null. */
  private static Path fileInTheWay(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }
}
