// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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

  @Test
  void an_internal_error_names_no_java_type() {
    Problem p = ErrorMapping.jobProblem(new NullPointerException("Cannot invoke \"loupe.X.y()\" because \"z\" is null"));
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.detail()).doesNotContain("NullPointerException").doesNotContain("loupe.X")
        .contains("the server's console");
  }
}
