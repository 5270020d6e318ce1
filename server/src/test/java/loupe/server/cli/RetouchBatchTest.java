// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `loupe retouch` refuses a bad --out or --report before working, keeps existing exports, fails a PSD
 * whose requested export is missing, and skips its own outputs.
 */
class RetouchBatchTest {
  @TempDir
  Path tmp;

  @Test
  void a_report_path_that_is_a_folder_is_refused_before_any_file_is_retouched() throws Exception {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--out", out.toString(),
        "--report", tmp.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--report " + tmp + ": is a folder");
    assertThat(out).doesNotExist();
  }

  /** A report named like the input replaced the shot with JSON, and one named like the output the PSD. */
  @Test
  void a_report_replaces_only_an_earlier_report_never_an_input_an_output_or_another_file() throws Exception {
    Path shot = Files.copy(RetouchCommandTest.EXAMPLE, tmp.resolve("solitaire.psd"));
    byte[] asShot = Files.readAllBytes(shot);
    Path out = tmp.resolve("out");
    for (Path report : List.of(shot, out.resolve("solitaire.loupe.psd"), out.resolve("solitaire.loupe.tif"))) {
      CliRun run = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString(), "--export",
          "tiff", "--force", "--report", report.toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--report " + report + " is " + report + ", a file this run reads or writes");
    }
    assertThat(shot).hasBinaryContent(asShot);
    assertThat(out).doesNotExist();
    Path notes = Files.writeString(tmp.resolve("notes.json"), "{\"mine\": true}");
    CliRun other = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString(), "--report",
        notes.toString());
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("--report " + notes + " exists and is not a Loupe report");
    assertThat(notes).hasContent("{\"mine\": true}");
    Path report = tmp.resolve("report.json");
    for (int i = 0; i < 2; i++) {
      CliRun run = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString(), "--report",
          report.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(Files.readString(report)).contains(i == 0 ? "\"status\" : \"done\"" : "\"status\" : \"skipped\"");
    }
  }

  /** The output is not written yet when the report is checked, so its name is compared as the disk would. */
  @Test
  void a_report_named_like_an_output_through_a_link_or_in_another_case_is_refused() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path alias = Files.createSymbolicLink(tmp.resolve("alias"), out);
    Path fresh = out.resolve("new"); // an --out folder made by the run: not there when the report is checked
    for (Path[] c : List.of(new Path[] {out, alias.resolve("solitaire.loupe.psd")},
        new Path[] {out, out.resolve("Solitaire.LOUPE.psd")},
        new Path[] {fresh, alias.resolve("new").resolve("solitaire.loupe.psd")})) {
      Path report = c[1];
      CliRun run = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
          c[0].toString(), "--report", report.toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--report " + report + " is " + c[0].resolve("solitaire.loupe.psd")
          + ", a file this run reads or writes");
    }
    try (var left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  /** An interrupted run left the PSD but not the copy asked for: skipping it would never make the copy. */
  @Test
  void a_psd_without_its_requested_export_is_a_failure_not_a_skip() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path psd = Files.writeString(out.resolve("solitaire.loupe.psd"), "the first run's PSD");
    CliRun run = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
        out.toString(), "--export", "tiff", "--report", tmp.resolve("report.json").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("✗ " + RetouchCommandTest.EXAMPLE + ": " + psd + " exists but its TIFF copy does "
        + "not (an earlier run without --export, an interrupted one, or one that could not flatten this document: "
        + "then export the copy from Photoshop): use --force to redo it")
        .doesNotContain("skipped");
    assertThat(Files.readString(tmp.resolve("report.json"))).contains("\"status\" : \"failed\"");
    assertThat(psd).hasContent("the first run's PSD");
    assertThat(out.resolve("solitaire.loupe.tif")).doesNotExist();
  }

  /** A reshoot saved under the same name was skipped as "exists", leaving the old shot's result as its own. */
  @Test
  void an_input_changed_after_its_psd_was_made_is_a_failure_not_a_skip() throws Exception {
    Path shot = Files.copy(RetouchCommandTest.EXAMPLE, tmp.resolve("solitaire.psd"));
    Path out = tmp.resolve("out");
    Path psd = out.resolve("solitaire.loupe.psd");
    assertThat(CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString()).exit()).isZero();
    byte[] made = Files.readAllBytes(psd);
    FileTime madeAt = Files.getLastModifiedTime(psd);
    Files.setLastModifiedTime(shot, FileTime.fromMillis(madeAt.toMillis() - 60_000));
    CliRun older = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString());
    assertThat(older.exit()).as(older.err()).isZero();
    assertThat(older.out()).contains(psd + " exists, skipped (use --force to redo)");
    Files.setLastModifiedTime(shot, FileTime.fromMillis(madeAt.toMillis() + 60_000));
    CliRun newer = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", out.toString());
    assertThat(newer.exit()).as(newer.err()).isEqualTo(1);
    assertThat(newer.out()).contains("✗ " + shot + ": " + psd + " is older than the input (it changed after the PSD "
        + "was made): use --force to redo it").doesNotContain("skipped");
    assertThat(psd).hasBinaryContent(made);
  }

  /** Each failed file's line names it once, whether its error named it (by path or by name) or not. */
  @Test
  void a_batch_names_each_failed_file_once() throws Exception {
    Path layers = MaskFiles.CORPUS.resolve("psdrb__locked-flags.psd");
    Path badDepth = MaskFiles.CORPUS.resolve("webtoon__bad-depth-17.psd");
    Path tiny = MaskFiles.CORPUS.resolve("psdjs__locked-1x1.psd");
    CliRun run = CliRun.of("retouch", layers.toString(), badDepth.toString(), tiny.toString(), "--out",
        tmp.resolve("out").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("✗ " + layers + ": several layers could hold the jewelry")
        .contains("✗ " + badDepth + ": file header: bit depth 17 is not 1, 8, 16 or 32 (offset 0x16)")
        .contains("✗ " + tiny + ": segmenting needs at least 16×16 pixels, got 1×1")
        .doesNotContain(layers + ": " + layers).doesNotContain(": " + badDepth.getFileName() + ": ");
  }

  /** Meaningful as root too: no permission lets a folder be made inside a file. */
  @Test
  void an_out_folder_that_cannot_be_made_is_refused_before_any_file_is_retouched() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "a file");
    CliRun under = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
        file.resolve("out").toString());
    assertThat(under.exit()).isEqualTo(2);
    assertThat(under.err()).isEqualTo("loupe: --out " + file.resolve("out") + ": " + file + " is a file, not a folder\n");
    assertThat(under.out()).doesNotContain("✓");
    CliRun onto = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
        file.toString());
    assertThat(onto.exit()).isEqualTo(2);
    assertThat(onto.err()).isEqualTo("loupe: --out " + file + ": is a file, not a folder\n");
    assertThat(file).hasContent("a file");
  }

  @Test
  void a_report_that_cannot_be_written_is_refused_before_any_file_is_retouched() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "a file");
    Path out = tmp.resolve("out");
    Path report = file.resolve("report.json");
    CliRun run = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
        out.toString(), "--report", report.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("loupe: --report " + report + ": " + file + " is a file, not a folder\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void read_only_out_and_report_folders_are_named_before_any_file_is_retouched() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path locked = Files.createDirectories(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Meaningless for root, who may write anywhere.
      assumeThat(Files.isWritable(locked)).as("running as a user the permissions apply to").isFalse();
      CliRun out = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
          locked.toString());
      assertThat(out.exit()).isEqualTo(2);
      assertThat(out.err()).isEqualTo("loupe: --out " + locked + ": cannot write there (" + locked
          + ": permission denied)\n");
      assertThat(out.out()).doesNotContain("✓");
      Path report = locked.resolve("report.json");
      CliRun rep = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
          tmp.resolve("out").toString(), "--report", report.toString());
      assertThat(rep.exit()).isEqualTo(2);
      assertThat(rep.err()).isEqualTo("loupe: --report " + report + ": cannot write there (" + locked
          + ": permission denied)\n");
      assertThat(tmp.resolve("out")).doesNotExist();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void a_folder_gives_its_images_but_not_earlier_loupe_outputs() throws Exception {
    for (String name : List.of("ring.png", "ring.loupe.psd", "ring.loupe.png", "band.psd", "notes.txt")) {
      Files.writeString(tmp.resolve(name), "x");
    }
    assertThat(RetouchCommand.expand(List.of(tmp))).containsExactly(tmp.resolve("band.psd"), tmp.resolve("ring.png"));
  }

  @Test
  void an_existing_flat_export_is_skipped_like_the_psd() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path flat = Files.writeString(out.resolve("solitaire.loupe.png"), "not to be lost");
    CliRun run = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--recipe", "quick", "--out",
        out.toString(), "--export", "png");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(out.resolve("solitaire.loupe.psd")).exists();
    assertThat(run.out()).contains(flat + " exists, skipped (use --force to redo)");
    assertThat(Files.readString(flat)).isEqualTo("not to be lost");
  }
}
