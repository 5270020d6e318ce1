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
    boolean aExists = Files.exists(a);
    boolean bExists = Files.exists(b);
    if (aExists && bExists) {
      return Files.isSameFile(a, b);
    }
    if (!realFolder(a).equals(realFolder(b))) {
      return false;
    }
    String aName = a.getFileName().toString();
    String bName = b.getFileName().toString();
    // One exists: on a case-insensitive disk a name differing only in case would exist too, so only
    // the exact name is the same place. Neither exists yet (two outputs): the disk cannot be asked,
    // and refusing look-alike names costs nothing.
    return aExists || bExists ? aName.equals(bName) : aName.equalsIgnoreCase(bName);
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
