// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import loupe.server.UserError;
import loupe.server.io.SamePlace;

/**
 * Where {@code retouch --report} may write: never over a file the run reads or writes (a report
 * named like the input replaced the shot with JSON), and over an existing file only when that file
 * is an earlier Loupe report, so a batch can be rerun with the same report name and nothing else
 * is ever replaced.
 */
final class ReportFile {
  /** A report larger than this is not read to be recognised; real ones hold a few KB per file. */
  private static final long MAX_READ = 64L << 20;

  private ReportFile() {}

  /**
   * @param runFiles every input and output of the run
   * @throws UserError naming the report and the file it would replace
   */
  static void requireReplaceable(Path report, Collection<Path> runFiles) throws IOException {
    for (Path f : runFiles) {
      if (SamePlace.is(report, f)) {
        throw new UserError("--report " + report + " is " + f + ", a file this run reads or writes; name the "
            + "report another file, e.g. " + report.resolveSibling("report.json"));
      }
    }
    if (Files.exists(report) && !isReport(report)) {
      throw new UserError("--report " + report + " exists and is not a Loupe report; Loupe replaces only an "
          + "earlier report, so name another file");
    }
  }

  private static boolean isReport(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_READ) {
        return false;
      }
      try (InputStream in = Files.newInputStream(file)) {
        JsonNode root = new ObjectMapper().readTree(in);
        return root != null && root.isObject() && root.size() == 1 && root.path("files").isArray();
      }
    } catch (IOException e) {
      return false;
    }
  }
}
