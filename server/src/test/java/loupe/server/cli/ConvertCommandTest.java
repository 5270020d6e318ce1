// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe convert` never overwrites without --force, writes only PSD/PSB, and says what is wrong with IN. */
class ConvertCommandTest {
  static final String EXAMPLE = RetouchCommandTest.EXAMPLE.toString();

  @TempDir
  Path tmp;

  @Test
  void an_existing_out_is_kept_unless_forced() throws Exception {
    Path out = Files.writeString(tmp.resolve("mine.psd"), "not to be lost");
    CliRun refused = CliRun.of("convert", EXAMPLE, out.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains(out + ": exists; use --force");
    assertThat(Files.readString(out)).isEqualTo("not to be lost");

    CliRun forced = CliRun.of("convert", EXAMPLE, out.toString(), "--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(Files.size(out)).isGreaterThan(1000);
  }

  @Test
  void out_must_be_named_psd_or_psb() {
    Path png = tmp.resolve("x.png");
    CliRun run = CliRun.of("convert", EXAMPLE, png.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("convert writes PSD or PSB");
    assertThat(png).doesNotExist();
  }

  @Test
  void a_folder_as_in_is_called_a_folder() {
    CliRun run = CliRun.of("convert", tmp.toString(), tmp.resolve("x.psd").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(tmp + ": is a folder");
  }
}
