// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe retouch` refuses a bad --report before working, keeps existing exports, and skips its own outputs. */
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
