// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe serve` refuses impossible settings with one plain line and exit 2, before it listens. */
class ServeCommandTest {
  static final String TOKEN = "0123456789abcdef0123";

  @TempDir
  Path tmp;

  @Test
  void help_prints_its_percent_sign_without_a_picocli_warning() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("(default: 60%");
    assertThat(run.err()).doesNotContain("WARN");
  }

  @Test
  void a_port_out_of_range_or_no_jobs_is_refused_plainly() {
    CliRun port = CliRun.of("serve", "--port", "99999", "--token", TOKEN);
    assertThat(port.exit()).isEqualTo(2);
    assertThat(port.err()).isEqualToIgnoringNewLines("loupe: --port must be 1..65535, got 99999");
    CliRun jobs = CliRun.of("serve", "--jobs", "0", "--token", TOKEN);
    assertThat(jobs.exit()).isEqualTo(2);
    assertThat(jobs.err()).isEqualToIgnoringNewLines("loupe: --jobs must be 1..16, got 0");
  }

  @Test
  void an_empty_or_short_token_is_refused() {
    for (String token : new String[] {"", "   ", "short"}) {
      CliRun run = CliRun.of("serve", "--token", token, "--port", "1");
      assertThat(run.exit()).as("token '%s'", token).isEqualTo(2);
      assertThat(run.err()).contains("--token must be at least 16 characters");
    }
  }

  @Test
  void a_short_stored_token_is_refused_too() throws Exception {
    Path file = Files.writeString(tmp.resolve("token"), "abc\n");
    CliRun run = CliRun.of("serve", "--token-file", file.toString(), "--port", "1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(file + ": the stored token has 3 characters; it must have at least 16");
  }

  @Test
  void a_token_file_that_is_a_folder_or_a_huge_memory_budget_is_refused_plainly() {
    CliRun folder = CliRun.of("serve", "--token-file", tmp.toString(), "--port", "1");
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err().strip()).isEqualTo("loupe: " + tmp + ": is a folder; the token file must be a file (or leave --token-file out)");
    CliRun budget = CliRun.of("serve", "--memory-budget-mb", "99999999999999", "--token", TOKEN, "--port", "1");
    assertThat(budget.exit()).isEqualTo(2);
    assertThat(budget.err()).contains("--memory-budget-mb must be 64..16777216, got 99999999999999");
  }

  @Test
  void a_host_that_is_not_this_machine_is_said_plainly() {
    // 192.0.2.1 is in TEST-NET-1 (RFC 5737): never a machine's own address.
    CliRun run = CliRun.of("serve", "--host", "192.0.2.1", "--allow-remote", "--port", "18999", "--token", TOKEN);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("192.0.2.1 is not an address of this machine");
  }

  @Test
  void a_port_in_use_is_said_plainly() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun run = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()), "--token", TOKEN,
          "--token-file", tmp.resolve("token").toString());
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
          .doesNotContain("Exception").doesNotContain("ERROR");
    }
  }
}
