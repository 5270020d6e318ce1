// SPDX-License-Identifier: Apache-2.0
package loupe.server.io;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The exception a write to a full disk really throws: Linux's /dev/full fails every write with ENOSPC. */
public final class FullDisk {
  private FullDisk() {}

  public static IOException writeError() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    return catchThrowableOfType(() -> {
      try (FileOutputStream out = new FileOutputStream(full.toFile())) {
        out.write(new byte[4096]);
      }
    }, IOException.class);
  }
}
