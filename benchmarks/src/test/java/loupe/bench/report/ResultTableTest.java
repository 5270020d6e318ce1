// SPDX-License-Identifier: Apache-2.0
package loupe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loupe.bench.run.Row;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void numbers_are_short_and_missing_ones_are_dashes() {
    assertThat(ResultTable.number(null)).isEqualTo("—");
    assertThat(ResultTable.number(17L)).isEqualTo("17");
    assertThat(ResultTable.number(33.8649)).isEqualTo("33.86");
    assertThat(ResultTable.number(0.0012345)).isEqualTo("0.00123");
    assertThat(ResultTable.number(0.0)).isEqualTo("0.00");
    assertThat(ResultTable.number(0.9996)).as("an IoU just below 1 is not printed as 1").isEqualTo("0.9996");
    assertThat(ResultTable.number(-0.99951)).isEqualTo("-0.9995");
    assertThat(ResultTable.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(ResultTable.millis(1234.56)).isEqualTo("1235");
    assertThat(ResultTable.millis(42.04)).isEqualTo("42.0");
  }

  @Test
  void the_table_is_aligned_markdown_with_the_ratio_loupe_over_reference() {
    Row a = new Row("a", "denoise", "1600×1200", "3 runs", "OpenCV NLM", 250.0, 1000.0,
        Row.fields("psnr", 40.123, "changed", 0L), 300, null);
    Row b = new Row("b", "PSD write", "6000×4000", "1 run", null, 5.0, null, Row.fields(), 900, "note");
    String[] lines = ResultTable.format(List.of(a, b)).split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("| workload").contains("| Loupe/ref |");
    assertThat(lines[1]).matches("\\|( -+ \\|)+");
    assertThat(lines[2]).contains("| 0.25 ").contains("psnr=40.12 changed=0");
    assertThat(lines[3]).contains("| 5.0 ").contains("| — ");
    assertThat(lines).allSatisfy(l -> assertThat(l).hasSameSizeAs(lines[0]));
  }
}
