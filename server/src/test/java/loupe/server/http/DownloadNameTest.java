// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A PSD job's result is downloaded under the uploaded file's name, never the server's temp name. */
class DownloadNameTest {
  private static final Path PSD = Path.of("/tmp/loupe-job-1/loupe-upload-1593.loupe.psd");
  private static final Path PSB = Path.of("/tmp/loupe-job-1/loupe-upload-1593.loupe.psb");

  @Test
  void the_uploads_name_with_loupes_extension_or_document() {
    assertThat(DownloadName.of("ring.psd", PSD).name()).isEqualTo("ring.loupe.psd");
    assertThat(DownloadName.of("big ring.psb", PSB).name()).isEqualTo("big ring.loupe.psb");
    assertThat(DownloadName.of("ring", PSD).name()).isEqualTo("ring.loupe.psd");
    assertThat(DownloadName.of(null, PSD).name()).isEqualTo("document.loupe.psd");
    assertThat(DownloadName.of(null, PSB).name()).isEqualTo("document.loupe.psb");
    assertThat(DownloadName.of("", PSD).name()).isEqualTo("document.loupe.psd");
  }

  @Test
  void folders_control_and_format_characters_and_leading_dots_are_dropped() {
    assertThat(DownloadName.of("C:\\Users\\ana\\ring.psd", PSD).name()).isEqualTo("ring.loupe.psd");
    assertThat(DownloadName.of("../../etc/ring.psd", PSD).name()).isEqualTo("ring.loupe.psd");
    assertThat(DownloadName.of("ring\r\nSet-Cookie: x.psd", PSD).name()).isEqualTo("ringSet-Cookie_ x.loupe.psd");
    // A right-to-left override would show the name reversed: "\u202Egnp.psd" reads as "psd.png".
    assertThat(DownloadName.of("\u202Egnp.psd", PSD).name()).isEqualTo("gnp.loupe.psd");
    assertThat(DownloadName.of(".psd", PSD).name()).isEqualTo("psd.loupe.psd");
    assertThat(DownloadName.of("../", PSD).name()).isEqualTo("document.loupe.psd");
    assertThat(DownloadName.of("r".repeat(300) + ".psd", PSD).name()).isEqualTo("r".repeat(200) + ".loupe.psd");
  }

  @Test
  void characters_windows_forbids_in_a_name_become_underscores() {
    assertThat(DownloadName.of("a*b?c<d>e|f:g\"h.psd", PSD).name()).isEqualTo("a_b_c_d_e_f_g_h.loupe.psd");
  }

  @Test
  void the_header_has_an_ascii_name_and_the_exact_one_in_utf8() {
    assertThat(DownloadName.of("Ring №5 100%.psd", PSD).contentDisposition()).isEqualTo(
        "attachment; filename=\"Ring _5 100_.loupe.psd\"; filename*=UTF-8''Ring%20%E2%84%965%20100%25.loupe.psd");
  }
}
