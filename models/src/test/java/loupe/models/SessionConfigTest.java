// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX Runtime thread count a user sets (LOUPE_MODEL_THREADS, -Dloupe.modelThreads) reaches the registry. */
class SessionConfigTest {
  @TempDir Path folder;

  @AfterEach
  void clearProperty() {
    System.clearProperty(SessionConfig.THREADS_PROPERTY);
  }

  @Test
  void the_property_wins_over_the_variable_and_either_over_the_processors() {
    assertThat(SessionConfig.threads(null, null, 8)).isEqualTo(8);
    assertThat(SessionConfig.threads("", " ", 8)).isEqualTo(8);
    assertThat(SessionConfig.threads(null, "2", 8)).isEqualTo(2);
    assertThat(SessionConfig.threads("3", "2", 8)).isEqualTo(3);
  }

  @Test
  void a_bad_setting_is_named_with_its_value() {
    assertThatThrownBy(() -> SessionConfig.threads(null, "all", 8))
        .hasMessage("LOUPE_MODEL_THREADS must be a whole number of threads in 1..256, got 'all'");
    assertThatThrownBy(() -> SessionConfig.threads("0", null, 8))
        .hasMessage("-Dloupe.modelThreads must be a whole number of threads in 1..256, got '0'");
  }

  @Test
  void the_registry_opens_sessions_with_the_users_thread_count() {
    System.setProperty(SessionConfig.THREADS_PROPERTY, "3");
    try (ModelRegistry registry = ModelRegistry.open(folder)) {
      assertThat(registry.sessionConfig().intraOpThreads()).isEqualTo(3);
    }
    System.clearProperty(SessionConfig.THREADS_PROPERTY);
    try (ModelRegistry registry = ModelRegistry.open(folder)) {
      int expected = System.getenv(SessionConfig.THREADS_ENV) == null ? Runtime.getRuntime().availableProcessors()
          : Integer.parseInt(System.getenv(SessionConfig.THREADS_ENV).strip());
      assertThat(registry.sessionConfig().intraOpThreads()).isEqualTo(expected);
    }
  }
}
