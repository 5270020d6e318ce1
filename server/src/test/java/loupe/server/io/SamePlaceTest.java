// SPDX-License-Identifier: Apache-2.0
package loupe.server.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file however it is named; names differing only in case are one file only where the disk says so. */
class SamePlaceTest {
  @TempDir
  Path tmp;

  @Test
  void another_spelling_or_a_link_is_the_same_file() throws Exception {
    Path file = Files.writeString(tmp.resolve("ring.psd"), "x");
    assertThat(SamePlace.is(file, tmp.resolve("sub/../ring.psd"))).isTrue();
    assertThat(SamePlace.is(Files.createSymbolicLink(tmp.resolve("link.psd"), file), file)).isTrue();
    assertThat(SamePlace.is(tmp.resolve("link.psd"), tmp.resolve("other.psd"))).isFalse();
  }

  /**
   * On a case-sensitive disk Ring.psd beside ring.psd is another file (convert ring.psd Ring.psd was
   * refused as "OUT must differ from IN"); two names not yet written cannot be told apart, so they
   * count as one.
   */
  @Test
  void a_name_differing_in_case_is_another_file_where_the_disk_says_so() throws Exception {
    Path file = Files.writeString(tmp.resolve("ring.psd"), "x");
    assumeFalse(Files.exists(tmp.resolve("Ring.psd")), "a case-insensitive disk");
    assertThat(SamePlace.is(file, tmp.resolve("Ring.psd"))).isFalse();
    assertThat(SamePlace.is(tmp.resolve("out/a.psd"), tmp.resolve("out/A.psd"))).isTrue();
  }
}
