// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the table and one object of the JSON report.
 *
 * @param id stable key ({@code --only} matches it)
 * @param name what was measured, for people
 * @param params sizes, depths and settings
 * @param repeat how the medians were taken (see {@link Repeat#describe()})
 * @param reference the tool Loupe is compared with, or null
 * @param loupeMs median wall time of Loupe's side
 * @param referenceMs median wall time of the reference, or null
 * @param quality named numbers (null where a number does not apply), in display order
 * @param peakRssMb peak resident set of the workload's own JVM over its inputs and Loupe's runs
 * @param note caveats worth a line (downscales, skipped parts), or null
 */
public record Row(
    String id,
    String name,
    String params,
    String repeat,
    String reference,
    @JsonProperty("loupe_ms") double loupeMs,
    @JsonProperty("reference_ms") Double referenceMs,
    Map<String, Object> quality,
    @JsonProperty("peak_rss_mb") long peakRssMb,
    String note) {

  public Row {
    quality = quality == null ? new LinkedHashMap<>() : new LinkedHashMap<>(quality);
  }

  /** A row from a workload's measurement; {@code repeat} describes Loupe's side. */
  public static Row of(String id, String name, String params, Repeat repeat, String reference, Compared<?, ?> measured,
      Map<String, Object> quality, String note) {
    return new Row(id, name, params, repeat.describe(), reference, measured.loupe().ms(), measured.referenceMs(), quality,
        measured.peakRssMb(), note);
  }

  /** Quality fields from alternating names and values, in that order. */
  public static Map<String, Object> fields(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("quality fields come in name, value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /** Loupe's time divided by the reference's: below 1, Loupe is faster. Null without a reference. */
  @JsonProperty("ratio")
  public Double ratio() {
    return referenceMs == null || referenceMs <= 0 ? null : loupeMs / referenceMs;
  }
}
