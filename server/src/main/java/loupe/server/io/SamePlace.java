// SPDX-License-Identifier: Apache-2.0
package loupe.server.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name one file: spelled differently, through a link, or in another case on a
 * case-insensitive disk. Loupe asks before it writes, so that an output never lands on an input.
 */
public final class SamePlace {
  private SamePlace() {}

  public static boolean is(Path a, Path b) throws IOException {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    if (Files.exists(a) && Files.exists(b)) {
      return Files.isSameFile(a, b);
    }
    // An output not written yet: the same place once its folder's links are resolved, in any case (a
    // case-insensitive disk would make it one file; elsewhere refusing look-alike names costs nothing).
    return realFolder(a).equals(realFolder(b))
        && a.getFileName().toString().equalsIgnoreCase(b.getFileName().toString());
  }

  /** The file's folder with links resolved as far as it exists (an output folder may not exist yet). */
  private static Path realFolder(Path file) throws IOException {
    Path folder = file.toAbsolutePath().normalize().getParent();
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? folder : existing.toRealPath().resolve(existing.relativize(folder));
  }
}
