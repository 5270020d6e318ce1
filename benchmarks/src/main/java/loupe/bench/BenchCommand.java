// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import loupe.bench.data.Scene;
import loupe.bench.report.JsonReport;
import loupe.bench.report.ResultTable;
import loupe.bench.run.Row;
import loupe.bench.run.WorkerLauncher;
import loupe.bench.run.Workload;
import loupe.server.LoupeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe bench}: every workload in a JVM of its own, then one table on standard output
 * (progress goes to standard error) and, with {@code --json}, the same numbers as JSON.
 * Exit code 0 when every workload ran, 1 when some failed, 2 on bad arguments.
 */
@Command(name = "loupe bench", mixinStandardHelpOptions = true, sortOptions = false,
    version = LoupeInfo.NAME + " " + LoupeInfo.VERSION,
    description = "Measures Loupe against the tools a retoucher would otherwise use (docs/benchmarks.md).")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Reduced set: one scene, small images, single runs (a smoke test).")
  boolean quick;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the numbers as JSON.")
  Path json;

  @Option(names = "--scenes", paramLabel = "DIR",
      description = "Folder of scenes in the shared/benchmark/dev layout (default: ../shared/benchmark/dev).")
  Path scenes;

  @Option(names = "--only", split = ",", paramLabel = "TEXT",
      description = "Run only workloads whose id contains one of these (comma-separated).")
  List<String> only;

  @Option(names = "--list", description = "List the workload ids and exit.")
  boolean list;

  @Option(names = "--isnet", hidden = true, description = "Worker: ISNet is installed.")
  boolean isnet;

  @Option(names = "--worker", hidden = true)
  String worker;

  @Option(names = "--work", hidden = true)
  Path work;

  @Option(names = "--result", hidden = true)
  Path result;

  private final PrintStream out;
  private final PrintStream err;

  public BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the command with the given streams and returns its exit code (the end-to-end test calls this). */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new BenchCommand(out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println("loupe bench: " + e.getMessage());
      return e instanceof IOException || e instanceof IllegalArgumentException ? 2 : 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Path scenesDir = (scenes != null ? scenes : RepoRoot.defaultScenes()).toAbsolutePath().normalize();
    List<Path> sceneDirs = Scene.list(scenesDir);
    if (worker != null) {
      return runWorker(sceneDirs);
    }
    Path workDir = Files.createTempDirectory("loupe-bench-");
    try {
      isnet = BenchConfig.isnetInstalled();
      List<Workload> plan = BenchPlan.select(BenchPlan.workloads(new BenchConfig(quick, isnet, sceneDirs, workDir)),
          only);
      if (list) {
        plan.forEach(w -> out.println(w.id()));
        return 0;
      }
      return runAll(plan, scenesDir, workDir);
    } finally {
      deleteTree(workDir);
    }
  }

  private int runWorker(List<Path> sceneDirs) throws Exception {
    if (work == null || result == null) {
      throw new IllegalArgumentException("--worker needs --work and --result");
    }
    for (Workload w : BenchPlan.workloads(new BenchConfig(quick, isnet, sceneDirs, work))) {
      if (w.id().equals(worker)) {
        JsonReport.writeRow(result, w.run());
        return 0;
      }
    }
    throw new IllegalArgumentException("no workload " + worker);
  }

  private int runAll(List<Workload> plan, Path scenesDir, Path workDir) throws IOException, InterruptedException {
    List<String> shared = new ArrayList<>(List.of("--scenes", scenesDir.toString(), "--work", workDir.toString()));
    if (quick) {
      shared.add("--quick");
    }
    if (isnet) {
      shared.add("--isnet");
    }
    WorkerLauncher launcher = new WorkerLauncher(BenchCommand.class.getName(), shared, workDir);
    List<Row> rows = new ArrayList<>();
    List<JsonReport.Failure> failures = new ArrayList<>();
    OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    long t0 = System.nanoTime();
    for (int i = 0; i < plan.size(); i++) {
      String id = plan.get(i).id();
      err.printf("[%d/%d] %s … ", i + 1, plan.size(), id);
      long w0 = System.nanoTime();
      try {
        rows.add(launcher.run(id));
        err.printf("%.1f s%n", (System.nanoTime() - w0) / 1e9);
      } catch (IOException e) {
        err.println("FAILED");
        err.println("  " + e.getMessage());
        failures.add(new JsonReport.Failure(id, e.getMessage()));
      }
    }
    double minutes = (System.nanoTime() - t0) / 6e10;
    out.print(ResultTable.format(rows));
    out.printf("%n%s run of %d workload%s, %s, %.1f min, %d cores, Java %s; times are medians of wall time;"
        + " Loupe/ref < 1 means Loupe is faster.%n", quick ? "Quick" : only == null ? "Full" : "Partial (--only)",
        plan.size(), plan.size() == 1 ? "" : "s", started, minutes,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    if (!isnet) {
      out.println("ISNet is not installed: its product-mask rows were skipped (loupe models install isnet).");
    }
    for (JsonReport.Failure f : failures) {
      out.println("FAILED " + f.id() + ": " + f.error());
    }
    if (json != null) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("started", started.toString());
      run.put("minutes", minutes);
      run.put("quick", quick);
      run.put("isnet_installed", isnet);
      run.put("scenes", scenesDir.toString());
      run.put("cores", Runtime.getRuntime().availableProcessors());
      run.put("java", System.getProperty("java.version"));
      JsonReport.write(json, run, rows, failures);
    }
    return failures.isEmpty() ? 0 : 1;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
