// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size so far (Linux {@code VmHWM}); -1 where /proc is missing. */
public final class PeakRss {
  private PeakRss() {}

  public static long megabytes() {
    try {
      return parseKilobytes(Files.readString(Path.of("/proc/self/status"))) / 1024;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The {@code VmHWM:  123456 kB} line of a /proc status text, in kB; -1 when absent. */
  static long parseKilobytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring(6).replace("kB", "").trim());
      }
    }
    return -1;
  }
}
