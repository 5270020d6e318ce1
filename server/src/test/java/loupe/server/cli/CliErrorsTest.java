// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import loupe.server.io.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure is one line a user can act on: what went wrong, and with which file. */
class CliErrorsTest {
  @TempDir
  Path tmp;

  @Test
  void file_system_errors_say_what_went_wrong_not_only_the_path() {
    assertThat(LoupeCli.message(new AccessDeniedException("/tmp/x/r.psd"))).isEqualTo("/tmp/x/r.psd: permission denied");
    assertThat(LoupeCli.message(new UncheckedIOException(new NoSuchFileException("/tmp/x/gone.psd"))))
        .isEqualTo("/tmp/x/gone.psd: no such file or folder");
    assertThat(LoupeCli.message(new FileSystemException("/tmp/x/out", null, "Is a directory")))
        .isEqualTo("/tmp/x/out: is a folder");
  }

  /** The OS's "No space left on device" after the input's name read as if the input were at fault. */
  @Test
  void a_full_disk_is_said_as_such() {
    assertThat(LoupeCli.message(new UncheckedIOException(FullDisk.writeError())))
        .isEqualTo("the disk is full (No space left on device); free some space, or write the output to another disk");
    assertThat(LoupeCli.message(new java.nio.file.FileSystemException("/out/ring.loupe.psd", null, "No space left on device")))
        .isEqualTo("the disk is full writing /out/ring.loupe.psd (No space left on device); free some space, or write the "
            + "output to another disk");
  }

  @Test
  void out_of_memory_inside_a_worker_gets_the_memory_advice() {
    var wrapped = new ExecutionException(new OutOfMemoryError("Java heap space"));
    assertThat(LoupeCli.message(wrapped)).startsWith("not enough memory for this file");
  }

  /** Outside a batch's own handling (loupe mask), running out of memory is one line and exit 2, not a stack trace. */
  @Test
  void out_of_memory_in_a_command_is_one_line() {
    @picocli.CommandLine.Command(name = "big")
    class Big implements Runnable {
      @Override
      public void run() {
        throw new OutOfMemoryError("Java heap space");
      }
    }
    var err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new Big()).setErr(new java.io.PrintWriter(err, true));
    assertThat(LoupeCli.run(cli)).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("loupe: not enough memory for this file; raise it with "
        + "LOUPE_JAVA_OPTS=-Xmx16g" + System.lineSeparator());
  }

  /** A model that fails when opened or run (its file changed after the lookup) is said as the model's problem, not a bug. */
  @Test
  void a_model_failure_is_said_in_its_own_words() {
    var failure = new java.util.concurrent.CompletionException(
        new loupe.models.ModelException("lama", "inference failed: input too small"));
    assertThat(LoupeCli.message(failure)).isEqualTo("model 'lama': inference failed: input too small");
  }

  /** The engine's refusal of a 1×1 picture names no file: the CLI adds it, and it is bad input (exit 2). */
  @Test
  void an_image_too_small_to_retouch_is_bad_input_named_by_file() throws Exception {
    Path one = tmp.resolve("one.png");
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", one.toFile());
    CliRun run = CliRun.of("retouch", one.toString(), "--recipe", "quick", "--out", tmp.resolve("out").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("loupe: " + one + ": ").contains("1×1");
  }

  /** A mask source the job could not use is refused before any file is read or written. */
  @Test
  void an_impossible_mask_source_is_refused_up_front() {
    Path out = tmp.resolve("out");
    CliRun selection = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--mask", "selection", "--out",
        out.toString());
    assertThat(selection.exit()).isEqualTo(2);
    assertThat(selection.err()).contains("'selection' is for panel jobs");
    CliRun bogus = CliRun.of("retouch", RetouchCommandTest.EXAMPLE.toString(), "--mask", "auto:bogus", "--out",
        out.toString());
    assertThat(bogus.exit()).isEqualTo(2);
    assertThat(bogus.err()).contains("unknown product-mask source 'auto:bogus'");
    assertThat(out).doesNotExist();
  }

  @Test
  void an_unknown_command_points_at_the_real_help() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("(try: loupe --help)").doesNotContain("loupe loupe");
  }

  @Test
  void every_command_prints_the_version_its_help_offers() {
    for (String command : new String[] {"retouch", "serve", "inspect", "convert", "models", "models list", "mask"}) {
      String[] args = (command + " --version").split(" ");
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(command).isZero();
      assertThat(run.out().strip()).as(command).isEqualTo(CliRun.of("--version").out().strip()).startsWith("loupe ");
    }
  }

  /** The list of colour modes Loupe does not retouch: each is named, for retouch and for mask. */
  @ParameterizedTest
  @ValueSource(strings = {"twelvemonkeys__cmyk-8bit-flat.psd", "psdtools__4x4-8bit-lab.psd",
      "twelvemonkeys__indexed-flat.psd", "twelvemonkeys__bitmap-1bit-flat.psd", "psdtools__4x4-8bit-duotone.psd",
      "psdtools__4x4-16bit-multichannel.psd"})
  void an_unsupported_colour_mode_is_named(String name) throws Exception {
    Path file = MaskFiles.CORPUS.resolve(name);
    for (String[] args : new String[][] {{"retouch", file.toString(), "--recipe", "quick", "--out", tmp.resolve("r").toString()},
        {"mask", file.toString(), "--source", "auto", "--out", tmp.resolve("m").toString()}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(args[0]).isNotZero();
      assertThat(run.err()).as(args[0]).contains(name).contains("unsupported colour mode");
    }
    assertThat(tmp.resolve("m")).doesNotExist();
    assertThat(tmp.resolve("r")).satisfiesAnyOf(r -> assertThat(r).doesNotExist(), r -> assertThat(r).isEmptyDirectory());
  }

  @Test
  void a_folder_where_a_file_belongs_is_called_a_folder() throws Exception {
    for (String[] args : new String[][] {{"inspect", tmp.toString()}, {"convert", tmp.toString(), tmp.resolve("o.psd").toString()},
        {"mask", tmp.toString(), "--out", tmp.resolve("m").toString()}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(args[0]).isEqualTo(2);
      assertThat(run.err()).as(args[0]).contains(tmp + ": is a folder, not a file");
    }
    assertThat(CliRun.of("inspect", tmp.resolve("none.psd").toString()).err()).contains("none.psd: no such file");
  }
}
