// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakRssTest {
  @Test
  void the_high_water_mark_line_is_read_in_kilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  400000 kB\n";
    assertThat(PeakRss.parseKilobytes(status)).isEqualTo(524_288);
    assertThat(PeakRss.parseKilobytes("Name:\tjava\n")).isEqualTo(-1);
  }

  @Test
  void this_jvm_has_a_peak_of_at_least_some_megabytes() {
    assertThat(PeakRss.megabytes()).isGreaterThan(10);
  }
}
