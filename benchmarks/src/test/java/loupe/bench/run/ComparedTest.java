// SPDX-License-Identifier: Apache-2.0
package loupe.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparedTest {
  @Test
  void the_reference_is_prepared_once_after_all_of_loupes_runs_and_runs_what_was_prepared() throws Exception {
    List<String> calls = new ArrayList<>();
    Compared<String, String> c = Compared.runPrepared(new Repeat(1, 2), () -> {
      calls.add("loupe");
      return "mask";
    }, new Repeat(0, 2), () -> {
      calls.add("prepare");
      String input = "bgr";
      return () -> {
        calls.add("reference on " + input);
        return "grabcut";
      };
    });
    assertThat(calls).containsExactly("loupe", "loupe", "loupe", "prepare", "reference on bgr", "reference on bgr");
    assertThat(c.loupe().result()).isEqualTo("mask");
    assertThat(c.reference().result()).isEqualTo("grabcut");
    assertThat(c.peakRssMb()).isNotZero();
  }
}
