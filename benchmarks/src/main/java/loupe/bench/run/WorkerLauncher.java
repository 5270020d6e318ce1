// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loupe.bench.report.JsonReport;

/**
 * Runs each workload in a JVM of its own (same java, JVM options and class path as this one), so
 * its peak RSS is its own and no workload inherits another's heap or JIT state. The worker writes
 * its row as JSON; its output goes to a log that is shown when it fails.
 */
public final class WorkerLauncher {
  /** A workload that has not finished after this long is killed and reported as failed. */
  private static final long TIMEOUT_MINUTES = 30;

  private final String mainClass;
  private final List<String> sharedArgs;
  private final Path workDir;

  /** @param sharedArgs arguments every worker gets (scenes, work folder, quick) */
  public WorkerLauncher(String mainClass, List<String> sharedArgs, Path workDir) {
    this.mainClass = mainClass;
    this.sharedArgs = List.copyOf(sharedArgs);
    this.workDir = workDir;
  }

  /** Runs the workload {@code id} in a fresh JVM and returns its row. */
  public Row run(String id) throws IOException, InterruptedException {
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
    Path result = workDir.resolve(safe + ".json");
    Path log = workDir.resolve(safe + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-Xrunjdwp")) {
        cmd.add(arg);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(sharedArgs);
    cmd.addAll(List.of("--worker", id, "--result", result.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new IOException(id + ": no result after " + TIMEOUT_MINUTES + " minutes; killed");
    }
    if (p.exitValue() != 0 || !Files.isRegularFile(result)) {
      throw new IOException(id + ": worker exited with " + p.exitValue() + ": " + tail(log));
    }
    return JsonReport.readRow(result);
  }

  /** The last lines of a worker's log: the error is there. */
  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
  }
}
