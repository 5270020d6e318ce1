// SPDX-License-Identifier: Apache-2.0
package loupe.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BytesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1|1 MB", "891289600|850 MB", "1288490189|1.2 GB", "1098437885952|1023.0 GB", "3298534883328|3 TB",
      // What a damaged file's declared sizes come to: a size, not "6442450944.1 GB".
      "6917529027641081856|6,291,456 TB"})
  void sizes_read_as_a_retoucher_reads_them(long bytes, String said) {
    assertThat(Bytes.format(bytes)).isEqualTo(said);
  }
}
