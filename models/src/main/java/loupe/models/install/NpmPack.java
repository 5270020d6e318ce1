// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import loupe.models.ModelException;

/**
 * Fetches an npm package tarball with the user's own npm client ({@code npm pack SPEC}), which
 * honours their registry, proxy and cache settings. Only the install command does this; nothing
 * in Loupe downloads at run time. npm runs without {@code --silent}, so that when it fails its
 * reason (on stderr) can be shown.
 */
public final class NpmPack {
  private static final long TIMEOUT_MINUTES = 15;
  private static final String STDERR = "npm-stderr.txt";
  private static final String STDOUT = "npm-stdout.txt";

  private NpmPack() {}

  /** Runs {@code npm pack spec} in {@code workDir} and returns the .tgz it wrote. */
  public static Path pack(String modelId, String spec, Path workDir) {
    return pack(modelId, spec, List.of(npm(), "pack", spec), workDir, Duration.ofMinutes(TIMEOUT_MINUTES));
  }

  /**
   * Runs {@code command} (npm pack or a stand-in) in {@code workDir}, stopped after {@code timeout};
   * its output goes to files there (a pipe read to its end would wait for a hung npm forever), read after.
   */
  static Path pack(String modelId, String spec, List<String> command, Path workDir, Duration timeout) {
    Path stderr = workDir.resolve(STDERR);
    Path stdout = workDir.resolve(STDOUT);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile())
        .redirectOutput(stdout.toFile());
    String output;
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new ModelException(modelId, "npm pack " + spec + " did not finish within " + describe(timeout)
            + "; download the package elsewhere and install it with --from FILE.tgz");
      }
      output = Files.readString(stdout, StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0) {
        throw new ModelException(modelId, "npm pack " + spec + " failed (exit " + p.exitValue() + "): "
            + reason(Files.readString(stderr, StandardCharsets.UTF_8), output)
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

  /**
   * npm's error lines without their {@code npm error}/{@code npm ERR!} prefix and without the
   * pointer to its log file (at most three, joined); if it printed none, its other stderr lines
   * (warnings, a shell's "not found"); else the last line of its output.
   */
  static String reason(String stderr, String stdout) {
    List<String> errors = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String line : stderr.split("\\R")) {
      String l = line.strip();
      String bare = l.replaceFirst("^npm (error|ERR!)\\s*", "");
      if (bare.isEmpty() || bare.startsWith("A complete log of this run") || bare.startsWith("Log files were not written")) {
        continue;
      }
      (bare.length() < l.length() ? errors : other).add(bare);
    }
    List<String> shown = errors.isEmpty() ? other : errors;
    return shown.isEmpty() ? lastLine(stdout) : String.join("; ", shown.subList(0, Math.min(3, shown.size())));
  }

  private static String describe(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " s";
  }

  private static String npm() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\n");
    return lines.length == 0 || output.isEmpty() ? "(no output)" : lines[lines.length - 1];
  }
}
