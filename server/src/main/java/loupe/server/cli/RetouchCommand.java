// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.psd.AtomicFiles;
import loupe.psd.PsdDocument;
import loupe.psd.PsdFormatException;
import loupe.psd.PsdReader;
import loupe.server.UserError;
import loupe.server.export.DigitalSourceType;
import loupe.server.export.ExportFormat;
import loupe.server.export.ExportOptions;
import loupe.server.export.ExportResult;
import loupe.server.export.FlatExporter;
import loupe.server.http.PlainProgress;
import loupe.server.io.FileErrors;
import loupe.server.retouch.FileOutcome;
import loupe.server.retouch.InstalledModels;
import loupe.server.retouch.ResultJson;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `loupe retouch`: files and folders in, layered PSDs out, one fidelity line per file. */
@Command(name = "retouch", mixinStandardHelpOptions = true,
    description = "Retouch PSD/PSB/PNG/TIFF/JPEG files: background only, jewelry bit-exact, jewelry layer locked.")
final class RetouchCommand implements Callable<Integer> {
  private static final List<String> EXTENSIONS = List.of(".psd", ".psb", ".png", ".tif", ".tiff", ".jpg", ".jpeg");

  @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "Files, or folders to process (not recursive).")
  List<Path> inputs;

  @Option(names = "--recipe", description = "quick, pro or editorial (default ${DEFAULT-VALUE}).", defaultValue = "pro")
  String recipe;

  @Option(names = "--out", description = "Output folder (default ${DEFAULT-VALUE}).", defaultValue = "loupe-out")
  Path out;

  @Option(names = "--background", description = "keep, clean or white (default: the recipe's).")
  String background;

  @Option(names = "--denoise", description = "Background denoise strength 0..1 (default: the recipe's).")
  Double denoise;

  @Option(names = "--fs-radius", description = "Frequency-separation radius in px, 0 = none (default: the recipe's).")
  Double fsRadius;

  @Option(names = "--protect", description = "Name of the protected jewelry layer (default: the documented rule).")
  String protect;

  @Option(names = "--mask", description = "Product mask: layer, auto, auto:classical, auto:isnet, path[:NAME], or channel:NAME (a saved selection, "
      + "by name or number) (default: layer; without a protected layer, the document's clipping path, else auto).")
  String mask;

  @Option(names = "--inpainter", description = "Prop inpainting: classical, lama or migan (default: classical; "
      + "models are added with `loupe models add`).")
  String inpainter;

  @Option(names = "--heal", paramLabel = "channel:NAME|N", description = "Editorial: heal these jewelry pixels from "
      + "the jewelry layer's own pixels, on a new layer above it (a saved alpha channel, white = heal).")
  String heal;

  @Option(names = "--props", paramLabel = "channel:NAME|N|path:NAME", description = "Props to remove (a saved alpha "
      + "channel, white = prop, or a saved path); replaces the props Quick finds itself. Never touches the jewelry.")
  String props;

  @Option(names = "--jobs", description = "Files processed at once (default ${DEFAULT-VALUE}).", defaultValue = "1")
  int jobs;

  @Option(names = "--report", description = "Write a JSON report of every file here.")
  Path report;

  @Option(names = "--force",
      description = "Overwrite outputs that already exist (default: skip them; fail one older than its input).")
  boolean force;

  @Option(names = "--export", description = "Also write a flat copy beside the PSD: png, tiff or jpg "
      + "(TIFF/JPEG carry the product outline as the clipping path).")
  String export;

  @Override
  public Integer call() throws Exception {
    RetouchRequest request = RetouchRequest.of(recipe, background, denoise, fsRadius, null, null, protect, mask)
        .withInpainter(inpainter).withHeal(heal).withProps(props).forFile();
    InstalledModels.requireModels(request);
    ExportFormat exportFormat = export == null ? null : ExportFormat.parse(export);
    List<Path> files = expand(inputs);
    if (jobs < 1 || jobs > 16) {
      throw new UserError("--jobs must be 1..16, got " + jobs);
    }
    refuseUnsafeOutputs(files, out, exportFormat);
    if (report != null && Files.isDirectory(report)) {
      throw new UserError("--report " + report + ": is a folder; name the JSON file to write, e.g. "
          + report.resolve("report.json"));
    }
    // Checked before the work: a folder that cannot be written would otherwise fail each file after it was computed.
    if (report != null) {
      WritableFolder.require("--report", report, report.toAbsolutePath().getParent());
      ReportFile.requireReplaceable(report, runFiles(files, exportFormat));
    }
    WritableFolder.require("--out", out, out);
    RetouchService service = new RetouchService();
    List<Map<String, Object>> rows = new ArrayList<>();
    int failed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<Map<String, Object>>> results = new ArrayList<>();
      // Each file's row is filled as its job goes, so a single file's failure is reported with what was done.
      List<Map<String, Object>> started = new ArrayList<>();
      for (Path file : files) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("input", file.toString());
        started.add(row);
        results.add(pool.submit(() -> one(service, file, row, request, exportFormat, files.size() == 1)));
      }
      for (Future<Map<String, Object>> f : results) {
        Map<String, Object> row;
        try {
          row = resultOf(f);
        } catch (Exception e) {
          // A single file's failure ends the run with its own message; the report still records it,
          // so an earlier report at that path is not left standing as this run's.
          reportFailure(started.get(0), e);
          throw e;
        }
        rows.add(row);
        failed += "failed".equals(row.get("status")) ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }
    if (files.size() > 1) {
      System.out.printf("%d files: %d done, %d skipped, %d failed%n", files.size(),
          rows.stream().filter(r -> "done".equals(r.get("status"))).count(),
          rows.stream().filter(r -> "skipped".equals(r.get("status"))).count(), failed);
    }
    if (report != null) {
      writeReport(rows);
    }
    return failed == 0 ? 0 : 1;
  }

  private Map<String, Object> one(RetouchService service, Path file, Map<String, Object> row, RetouchRequest request,
      ExportFormat format, boolean single) throws IOException {
    Path target = RetouchService.outputFor(file, out);
    if (Files.exists(target) && !force) {
      row.put("output", target.toString());
      String message = whyNotSkipped(file, target, format);
      if (message != null) {
        row.put("status", "failed");
        row.put("error", message);
        System.out.println("✗ " + file + ": " + message);
        return row;
      }
      row.put("status", "skipped");
      System.out.println("• " + file + ": " + target + " exists, skipped (use --force to redo)");
      return row;
    }
    try {
      FileOutcome o = service.retouchFile(file, out, request, progressFor(file));
      row.put("status", "done");
      row.put("output", o.output().toString());
      row.put("millis", o.millis());
      row.put("fidelity", ResultJson.fidelity(o.result().fidelity()));
      row.put("models", ResultJson.models(o.result().models()));
      row.put("notes", o.result().notes());
      row.put("compositeNote", o.written().reason());
      clearProgress();
      System.out.printf(Locale.ROOT, "✓ %s → %s (%.1f s)%n  %s%n", file, o.output(), o.millis() / 1000.0,
          o.result().fidelity().line());
      o.result().notes().forEach(n -> System.out.println("  note: " + n));
      Path flat = format == null ? null : flatFor(o.output(), format);
      if (flat != null && Files.exists(flat) && !force) {
        row.put("export", flat.toString());
        row.put("exportStatus", "skipped");
        System.out.println("  flat copy: " + flat + " exists, skipped (use --force to redo)");
      } else if (flat != null) {
        // The PSD is written and verified whatever becomes of its flat copy: the report says both.
        row.put("export", flat.toString());
        row.put("exportStatus", "failed");
        ExportResult e = exportFlat(o, request, format, flat);
        row.put("exportStatus", "done");
        row.put("export", e.file().toString());
        row.put("exportNotes", e.notes());
        System.out.println("  flat copy: " + e.file() + (e.notes().isEmpty() ? "" : " (" + String.join("; ", e.notes()) + ")"));
      }
    } catch (OutOfMemoryError e) {
      // The job's images are unreachable once it failed: the next file of a batch has the heap again.
      String message = file + ": not enough memory for this file; raise it with LOUPE_JAVA_OPTS=-Xmx16g";
      if (single) {
        throw new UserError(message);
      }
      clearProgress();
      row.put("status", "failed");
      row.put("error", message);
      System.out.println("✗ " + message);
    } catch (Exception e) {
      // File-system and PSD format exceptions name their file; a bare read error ("Input/output error") does
      // not. A full disk is not the input's fault: named after it, it would read as if it were.
      if (single && (e instanceof UnsuitableInputException || (e instanceof IOException && !FileErrors.isDiskFull(e)
          && !(e instanceof FileSystemException) && !(e instanceof PsdFormatException)))) {
        throw UserError.about(file, e);
      }
      if (single) {
        throw e;
      }
      clearProgress();
      row.put("status", "failed");
      row.put("error", LoupeCli.message(e));
      System.out.println("✗ " + file + ": " + unprefixed(LoupeCli.message(e), file));
    }
    return row;
  }

  /**
   * Why the PSD already in --out cannot stand for this file's result, or null when it can. Either
   * way it is not replaced without --force: the user may have worked on it in Photoshop since.
   */
  private static String whyNotSkipped(Path file, Path target, ExportFormat format) throws IOException {
    if (Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(target)) > 0) {
      // A reshoot or a new export under the same name: skipping it would leave the old shot's result as this one's.
      return target + " is older than the input (it changed after the PSD was made): use --force to redo it";
    }
    Path flat = format == null ? null : flatFor(target, format);
    if (flat != null && !Files.exists(flat)) {
      // Skipping would leave the copy asked for missing for good.
      return target + " exists but its " + format + " copy does not (an earlier run without --export, "
          + "an interrupted one, or one that could not flatten this document: then export the copy from Photoshop): "
          + "use --force to redo it";
    }
    return null;
  }

  /** A message that opens with the file's path or name, without it: the batch line names the file already. */
  static String unprefixed(String message, Path file) {
    for (String name : List.of(file.toString(), file.getFileName().toString())) {
      if (message.startsWith(name + ": ")) {
        return message.substring(name.length() + 2);
      }
    }
    return message;
  }

  /** The row of one file; a single file's failure is rethrown as itself, not wrapped by the pool. */
  private static Map<String, Object> resultOf(Future<Map<String, Object>> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The inputs and every file the run may write for them. */
  private List<Path> runFiles(List<Path> files, ExportFormat format) {
    List<Path> all = new ArrayList<>(files);
    for (Path file : files) {
      Path target = RetouchService.outputFor(file, out);
      all.add(target);
      if (format != null) {
        all.add(flatFor(target, format));
      }
    }
    return all;
  }

  /** Where the flat copy of {@code psd} goes: beside it, the PSD's extension replaced. */
  private static Path flatFor(Path psd, ExportFormat format) {
    String psdName = psd.getFileName().toString();
    return psd.resolveSibling(psdName.substring(0, psdName.length() - 4) + "." + format.extension());
  }

  /** The flat copy beside the PSD, from the composite the writer put in the file. */
  private static ExportResult exportFlat(FileOutcome o, RetouchRequest request, ExportFormat format, Path flat)
      throws IOException {
    PsdDocument written = PsdReader.read(o.output());
    ExportOptions options = ExportOptions.DEFAULT
        .withCompositeRecomputed(o.written().compositeRecomputed())
        .withDigitalSource(DigitalSourceType.forRetouch(request.options(), o.result().backgroundGenerated(),
            o.result().models()));
    return FlatExporter.export(written, o.outline(), format, flat, options);
  }

  /** A one-line progress bar on stderr when it is a terminal. */
  private Progress progressFor(Path file) {
    boolean tty = System.console() != null;
    return PlainProgress.of(new Progress() {
      @Override
      public void report(String stage, double fraction) {
        if (tty) {
          int filled = (int) Math.round(fraction * 20);
          System.err.printf("\r[%s%s] %3d%% %s: %-40s", "#".repeat(filled), " ".repeat(20 - filled),
              Math.round(fraction * 100), file.getFileName(), stage);
        }
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    });
  }

  private static void clearProgress() {
    if (System.console() != null) {
      System.err.print("\r" + " ".repeat(100) + "\r");
    }
  }

  /**
   * The files to retouch. A folder gives its images, except Loupe's own outputs ({@code *.loupe.*}):
   * retouching a folder twice with --out inside it would otherwise retouch the first run's results.
   */
  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        List<Path> images;
        try (Stream<Path> list = Files.list(p)) {
          images = list.filter(f -> Files.isRegularFile(f) && EXTENSIONS.stream()
                  .anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
              .sorted().toList();
        }
        List<Path> outputs = images.stream().filter(f -> f.getFileName().toString().contains(".loupe.")).toList();
        if (!outputs.isEmpty()) {
          System.out.println("• " + p + ": skipped " + outputs.size() + " of Loupe's own outputs (*.loupe.*)");
        }
        images.stream().filter(f -> !outputs.contains(f)).forEach(files::add);
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UserError(p + ": no such file or folder");
      }
    }
    if (files.isEmpty()) {
      throw new UserError("no PSD, PSB, PNG, TIFF or JPEG files in " + inputs);
    }
    return files;
  }

  /**
   * Refuses, before any work, a run that would write one file twice or over an input: two inputs
   * with one output (ring.png and ring.jpg both make ring.loupe.psd; ring.psd and ring.psb both
   * make the flat copy ring.loupe.png), which the second would skip as "exists", or with --force or
   * --jobs overwrite; an output that is also an input (ring.loupe.psd given as an input beside
   * ring.psd, with --out the folder they are in), which the first job would replace before the
   * second reads it; and an output path taken by a folder. Paths compare resolved, and names
   * case-insensitively, as on the file systems of macOS and Windows.
   */
  static void refuseUnsafeOutputs(List<Path> files, Path outDir, ExportFormat format) throws IOException {
    Map<String, Path> inputs = new HashMap<>();
    for (Path file : files) {
      inputs.put(samePlace(file), file);
    }
    Map<String, Path> writers = new HashMap<>();
    for (Path file : files) {
      Path target = RetouchService.outputFor(file, outDir);
      for (Path written : format == null ? List.of(target) : List.of(target, flatFor(target, format))) {
        String place = samePlace(written);
        Path input = inputs.get(place);
        if (input != null) {
          throw new UserError(file + " would be written to " + written + ", which is also an input of this run ("
              + input + "); inputs are never overwritten: write to another --out folder");
        }
        Path earlier = writers.putIfAbsent(place, file);
        if (earlier != null) {
          throw new UserError(earlier + " and " + file + " would both be written to " + written
              + "; rename one of them or retouch them in separate runs with different --out folders");
        }
        if (Files.isDirectory(written)) {
          throw new UserError(written + " (where " + file + " is written) is a folder; move it or choose another --out");
        }
      }
    }
  }

  /** A key equal for two paths to the same file: the folder resolved (links, "..") and the name in lower case. */
  private static String samePlace(Path p) throws IOException {
    Path absolute = p.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    Path resolved = folder != null && Files.isDirectory(folder) ? folder.toRealPath() : folder;
    String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
    return resolved == null ? name : resolved.resolve(name).toString();
  }

  private void reportFailure(Map<String, Object> row, Exception e) {
    if (report == null) {
      return;
    }
    row.put("status", "failed");
    row.put("error", LoupeCli.message(e));
    try {
      writeReport(List.of(row));
    } catch (IOException | RuntimeException w) {
      e.addSuppressed(w);
    }
  }

  private void writeReport(List<Map<String, Object>> rows) throws IOException {
    Files.createDirectories(report.toAbsolutePath().getParent());
    AtomicFiles.write(report, AtomicFiles.Access.READABLE_BY_ALL,
        tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), Map.of("files", rows)));
  }
}
