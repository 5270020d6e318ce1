// SPDX-License-Identifier: Apache-2.0
package loupe.server.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import loupe.server.UserError;

/**
 * java.nio.file's exceptions carry only a path as their message ("/tmp/x/r.psd"); this says what
 * went wrong with it, on one line: "/tmp/x/r.psd: permission denied".
 */
public final class FileErrors {
  private FileErrors() {}

  /** An input that must be a file: refused, naming it, when it is a folder or does not exist. */
  public static void requireFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new UserError(file + ": is a folder, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": no such file");
    }
  }

  /**
   * Java has no exception for a full disk: a write fails with a plain IOException (or a
   * FileSystemException) carrying the operating system's words, which are matched here.
   */
  public static boolean isDiskFull(Throwable e) {
    String said = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return e instanceof IOException && said != null && (said.contains("No space left on device")
        || said.contains("Disk quota exceeded") || said.contains("not enough space on the disk"));
  }

  /**
   * A failed write of {@code target}, said as the operating system said it and naming the file when
   * the disk is full. Encoders wrap the OS's words in their own ("I/O error writing PNG file!"),
   * which, printed after the input's name, read as if the input were at fault.
   */
  public static IOException naming(Path target, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (isDiskFull(t)) {
        String reason = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        return (IOException) new FileSystemException(target.toString(), null, reason).initCause(e);
      }
    }
    return e;
  }

  public static String describe(FileSystemException e) {
    String path = e.getFile() != null ? e.getFile() : "a file";
    String other = e.getOtherFile() != null ? " (moving it to " + e.getOtherFile() + ")" : "";
    return path + other + ": " + problem(e);
  }

  private static String problem(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    String reason = e.getReason();
    if (reason == null || reason.isBlank()) {
      return "cannot be read or written";
    }
    // The operating system's words ("Is a directory", "No space left on device"), folders called folders.
    String said = reason.replace("directory", "folder").replace("Directory", "Folder");
    return said.substring(0, 1).toLowerCase(Locale.ROOT) + said.substring(1);
  }
}
