// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.bench.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe bench --quick} end to end on the first dev scene: every workload runs in its own JVM and reports. */
class BenchCommandTest {
  @TempDir
  Path tmp;

  @Test
  void the_quick_run_prints_one_table_and_writes_the_same_rows_as_json() throws Exception {
    Path scenes = Path.of(System.getProperty("loupe.shared"), "benchmark/dev");
    Path json = tmp.resolve("bench.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BenchCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--quick", "--scenes", scenes.toString(), "--json",
        json.toString());
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(table + err.toString(StandardCharsets.UTF_8)).isZero();

    JsonNode report = JsonReport.JSON.readTree(json.toFile());
    JsonNode rows = report.get("workloads");
    assertThat(report.get("failures").size()).isZero();
    assertThat(rows.size()).isEqualTo(BenchPlan.workloads(new BenchConfig(true, false, java.util.List.of(scenes), tmp))
        .size());
    assertThat(table.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(2 + rows.size());
    for (JsonNode row : rows) {
      assertThat(row.get("loupe_ms").asDouble()).as(row.toString()).isPositive();
      assertThat(row.get("peak_rss_mb").asLong()).as(row.toString()).isPositive();
      assertThat(table).contains(row.get("name").asText());
      JsonNode changed = row.at("/quality/jewelry_changed");
      if (!changed.isMissingNode() && row.get("id").asText().startsWith("e2e")) {
        assertThat(changed.asLong()).as("the layer's mask is the truth: no jewelry pixel may change").isZero();
      }
    }
    JsonNode denoise = rows.findParents("id").stream().filter(r -> r.get("id").asText().startsWith("denoise"))
        .findFirst().orElseThrow();
    assertThat(denoise.at("/quality/jewelry_changed_loupe").asLong()).isZero();
    assertThat(denoise.get("ratio").asDouble()).isPositive();
  }

  /** A scene without its truth files made every workload on it fail in its own JVM, then exit 1. */
  @Test
  void a_scene_folder_without_its_truth_files_is_a_bad_argument() throws Exception {
    Path scene = Files.createDirectories(tmp.resolve("scenes/ring"));
    Files.copy(Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png"),
        scene.resolve("input.png"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = BenchCommand.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--scenes", tmp.resolve("scenes").toString(), "--list");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(scene + ": scene has no truth_clean.png");
  }
}
