// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrialCasesTest {
  @Test
  void corners_come_all_low_all_high_then_each_range_high_alone() {
    assertThat(TrialCases.corners(3, 6)).containsExactly(0, 7, 1, 2, 4, 3);
    assertThat(TrialCases.corners(2, 10)).containsExactly(0, 3, 1, 2);
    assertThat(TrialCases.corners(1, 1)).containsExactly(0);
    assertThat(TrialCases.corners(0, 5)).isEmpty();
  }
}
