// SPDX-License-Identifier: Apache-2.0
package loupe.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.bench.run.Row;

/**
 * The JSON form of a run: {@code {"run": {...how and where...}, "workloads": [row, ...],
 * "failures": [{"id", "error"}]}}, each row with name, params, loupe_ms, reference_ms, ratio,
 * quality and peak_rss_mb. Also the worker → parent hand-over of one row.
 */
public final class JsonReport {
  public static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.INDENT_OUTPUT, true);

  private JsonReport() {}

  /** A failed workload: its id and the worker's last error line. */
  public record Failure(String id, String error) {}

  public static void write(Path file, Map<String, Object> run, List<Row> rows, List<Failure> failures)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run", run);
    doc.put("workloads", rows);
    doc.put("failures", failures);
    JSON.writeValue(file.toFile(), doc);
  }

  public static void writeRow(Path file, Row row) throws IOException {
    JSON.writeValue(file.toFile(), row);
  }

  public static Row readRow(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Row.class);
  }
}
