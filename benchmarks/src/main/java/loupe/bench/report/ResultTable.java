// SPDX-License-Identifier: Apache-2.0
package loupe.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loupe.bench.run.Row;

/**
 * The one table of a bench run, as an aligned Markdown table (it pastes into docs/benchmarks.md
 * as is). Ratio is Loupe ÷ reference: below 1, Loupe is faster.
 */
public final class ResultTable {
  private static final String[] HEADER = {"workload", "params", "runs", "Loupe ms", "reference", "ref ms",
      "Loupe/ref", "peak RSS MB", "quality", "note"};

  private ResultTable() {}

  public static String format(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (Row r : rows) {
      cells.add(new String[] {r.name(), r.params(), r.repeat(), millis(r.loupeMs()),
          r.reference() == null ? "—" : r.reference(), r.referenceMs() == null ? "—" : millis(r.referenceMs()),
          r.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.peakRssMb() < 0 ? "—" : Long.toString(r.peakRssMb()), quality(r.quality()),
          r.note() == null ? "" : r.note()});
    }
    int[] width = new int[HEADER.length];
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line(out, cells.get(i), width);
      if (i == 0) {
        String[] rule = new String[HEADER.length];
        for (int c = 0; c < rule.length; c++) {
          rule[c] = "-".repeat(width[c]);
        }
        line(out, rule, width);
      }
    }
    return out.toString();
  }

  /** Whole milliseconds from 100 ms up, one decimal below. */
  static String millis(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
  }

  /** {@code name=value} pairs; see {@link #number}. */
  static String quality(Map<String, Object> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(k + "=" + number(v)));
    return String.join(" ", parts);
  }

  /** Integers as they are; reals with 2 decimals, or 3 significant digits below 1; null as —. */
  static String number(Object v) {
    if (v == null) {
      return "—";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isInfinite(d)) {
        return d > 0 ? "∞" : "-∞";
      }
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (d != 0 && Math.abs(d) < 1) {
        // 3 significant digits, more where they would round a fraction up to 1 (an IoU of 0.9996 is not 1).
        java.math.BigDecimal rounded = new java.math.BigDecimal(d).round(new java.math.MathContext(3));
        for (int digits = 4; rounded.abs().compareTo(java.math.BigDecimal.ONE) >= 0 && digits <= 8; digits++) {
          rounded = new java.math.BigDecimal(d).round(new java.math.MathContext(digits));
        }
        return rounded.stripTrailingZeros().toPlainString();
      }
      return String.format(Locale.ROOT, "%.2f", d);
    }
    return String.valueOf(v);
  }

  private static void line(StringBuilder out, String[] row, int[] width) {
    out.append('|');
    for (int c = 0; c < row.length; c++) {
      out.append(' ').append(row[c]).append(" ".repeat(width[c] - row[c].length())).append(" |");
    }
    out.append('\n');
  }
}
