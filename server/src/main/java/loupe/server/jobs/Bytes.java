// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import java.util.Locale;

/** Byte counts as a retoucher reads them in a message: "850 MB", "1.2 GB", "3 TB" (powers of 1024). */
public final class Bytes {
  private Bytes() {}

  public static String format(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (mb < 1024) {
      return String.format(Locale.ROOT, "%.0f MB", Math.ceil(mb));
    }
    double gb = mb / 1024;
    // A damaged file can declare petabytes; "6442450944.1 GB" reads as a glitch, "6,291,456 TB" as a size.
    return gb < 1024 ? String.format(Locale.ROOT, "%.1f GB", gb) : String.format(Locale.ROOT, "%,.0f TB", gb / 1024);
  }
}
