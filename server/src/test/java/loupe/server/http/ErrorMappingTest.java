// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import loupe.server.io.FullDisk;
import org.junit.jupiter.api.Test;

/** Problems speak of the client's file and of what went wrong, never of the server's temp paths or Java types. */
class ErrorMappingTest {
  @Test
  void the_uploads_temp_path_becomes_the_uploaded_file() {
    Problem p = ErrorMapping.jobProblem(new IOException("/tmp/loupe-upload-8127361.psd: bad signature at offset 0"));
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.detail()).isEqualTo("the uploaded file: bad signature at offset 0");
    Problem result = ErrorMapping.jobProblem(
        new NoSuchFileException("/tmp/loupe-job-99/.loupe-upload-8127361.loupe.psd.unverified"));
    assertThat(result.detail()).isEqualTo("the result file: no such file or folder");
  }

  @Test
  void file_system_failures_say_what_went_wrong() {
    Problem p = ErrorMapping.jobProblem(new AccessDeniedException("/var/loupe/out.psd"));
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.detail()).isEqualTo("/var/loupe/out.psd: permission denied");
  }

  /** A full disk on the server is not an unreadable upload (it was a 422 "Unreadable input"). */
  @Test
  void a_full_disk_is_the_servers_storage_not_the_clients_file() {
    Problem p = ErrorMapping.jobProblem(FullDisk.writeError());
    assertThat(p.status()).isEqualTo(507);
    assertThat(p.detail()).startsWith("the server's disk is full");
    assertThat(ErrorMapping.toProblem(new java.io.UncheckedIOException(FullDisk.writeError())).status())
        .isEqualTo(507);
  }

  @Test
  void an_internal_error_names_no_java_type() {
    Problem p = ErrorMapping.jobProblem(new NullPointerException("Cannot invoke \"loupe.X.y()\" because \"z\" is null"));
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.detail()).doesNotContain("NullPointerException").doesNotContain("loupe.X")
        .contains("the server's console");
  }
}
