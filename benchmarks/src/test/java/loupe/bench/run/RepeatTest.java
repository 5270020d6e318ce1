// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatTest {
  @Test
  void the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
    assertThat(Repeat.median(new double[] {7})).isEqualTo(7);
    assertThat(Repeat.median(new double[] {9, 1, 5})).isEqualTo(5);
    assertThat(Repeat.median(new double[] {4, 1, 10, 2})).isEqualTo(3);
    assertThatThrownBy(() -> Repeat.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void warm_ups_and_runs_are_all_executed_and_the_last_result_is_kept() throws Exception {
    List<String> calls = new ArrayList<>();
    List<Integer> cleaned = new ArrayList<>();
    int[] n = {0};
    Timed<Integer> t = new Repeat(2, 3).time(() -> {
      calls.add("run");
      return ++n[0];
    }, cleaned::add);
    assertThat(calls).hasSize(5);
    assertThat(cleaned).containsExactly(1, 2, 3, 4, 5);
    assertThat(t.result()).isEqualTo(5);
    assertThat(t.ms()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void a_repeat_needs_a_timed_run_and_describes_itself() {
    assertThatThrownBy(() -> new Repeat(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Repeat(1, 3).describe()).isEqualTo("3 runs + 1 warm-up");
    assertThat(new Repeat(0, 1).describe()).isEqualTo("1 run");
  }
}
