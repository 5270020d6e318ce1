// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianTest {
  @Test
  void upper_median_is_the_value_with_n_over_2_smaller_or_equal_values_before_it() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      double[] values = new double[1 + random.nextInt(30)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(10); // ties on purpose
      }
      int n = 1 + random.nextInt(values.length);
      double[] before = values.clone();
      double m = Median.upper(values, n);
      long below = 0;
      long atMost = 0;
      for (int i = 0; i < n; i++) {
        below += values[i] < m ? 1 : 0;
        atMost += values[i] <= m ? 1 : 0;
      }
      // Element n/2 of the sorted prefix: at most n/2 values lie below it, more than n/2 at or below.
      assertThat(below).isLessThanOrEqualTo(n / 2);
      assertThat(atMost).isGreaterThan(n / 2);
      assertThat(values).isEqualTo(before);
    }
  }

  @Test
  void only_the_first_n_values_count() {
    assertThat(Median.upper(new double[] {5, 1, 3, -100, -100}, 3)).isEqualTo(3);
    assertThat(Median.upper(new double[] {4, 1, 3, 2}, 4)).isEqualTo(3);
  }
}
