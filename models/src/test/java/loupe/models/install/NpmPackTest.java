// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loupe.models.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When npm pack fails, its own reason is shown (it went to stderr, and --silent suppressed it). */
class NpmPackTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  @TempDir Path work;

  @Test
  void a_failing_npm_pack_shows_npms_reason() throws Exception {
    // What npm 10 prints for a package the registry does not have.
    Path npm = Files.writeString(work.resolve("fake-npm.sh"), "#!/bin/sh\n"
        + "echo 'npm warn config production Use `--omit=dev` instead.' >&2\n"
        + "echo 'npm error code E404' >&2\n"
        + "echo 'npm error 404 Not Found - GET https://registry.npmjs.org/@imgly%2fnope - Not found' >&2\n"
        + "echo 'npm error A complete log of this run can be found in: /home/u/.npm/_logs/x.log' >&2\n"
        + "exit 1\n");
    Path dir = Files.createDirectory(work.resolve("pack"));
    assertThatThrownBy(() -> NpmPack.pack("isnet", "@imgly/nope@1.0.0", List.of("sh", npm.toString()), dir,
        MINUTE))
        .isInstanceOf(ModelException.class)
        .hasMessage("model 'isnet': npm pack @imgly/nope@1.0.0 failed (exit 1): code E404; 404 Not Found - GET "
            + "https://registry.npmjs.org/@imgly%2fnope - Not found; download the package elsewhere and install it with "
            + "--from FILE.tgz");
  }

  @Test
  void without_error_lines_the_other_output_is_the_reason() {
    assertThat(NpmPack.reason("sh: 1: npm: not found\n", "")).isEqualTo("sh: 1: npm: not found");
    assertThat(NpmPack.reason("", "first\nlast\n")).isEqualTo("last");
    assertThat(NpmPack.reason("\n", "")).isEqualTo("(no output)");
  }

  @Test
  void a_successful_pack_returns_the_tarball_it_wrote() throws Exception {
    Path npm = Files.writeString(work.resolve("ok-npm.sh"), "#!/bin/sh\n"
        + "echo 'npm notice Tarball Contents' >&2\n: > pkg-1.0.0.tgz\necho pkg-1.0.0.tgz\n");
    Path dir = Files.createDirectory(work.resolve("ok"));
    assertThat(NpmPack.pack("isnet", "pkg@1.0.0", List.of("sh", npm.toString()), dir, MINUTE))
        .isEqualTo(dir.resolve("pkg-1.0.0.tgz"));
  }

  /** An npm that hangs (a proxy that never answers) is stopped at the timeout: reading its output first waited forever. */
  @Test
  void a_hung_npm_is_stopped_at_the_timeout() throws Exception {
    Path npm = Files.writeString(work.resolve("hung-npm.sh"), "#!/bin/sh\necho 'npm http fetch GET'\nsleep 60\n");
    Path dir = Files.createDirectory(work.resolve("hung"));
    long start = System.nanoTime();
    assertThatThrownBy(() -> NpmPack.pack("isnet", "pkg@1.0.0", List.of("sh", npm.toString()), dir,
        Duration.ofSeconds(1))).isInstanceOf(ModelException.class)
        .hasMessageStartingWith("model 'isnet': npm pack pkg@1.0.0 did not finish within 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }
}
