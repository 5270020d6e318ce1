// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The package's chunk list (dist/resources.json): read in order, every fault one line naming the place. */
class ChunkIndexTest {
  private static final String HASH = "a".repeat(64);

  @Test
  void chunks_tile_the_file_in_order() throws IOException {
    String json = "{\"/models/small\":{\"size\":10,\"chunks\":[{\"hash\":\"" + HASH + "\",\"offsets\":[0,4]},"
        + "{\"hash\":\"" + "b".repeat(64) + "\",\"offsets\":[4,10]}]}}";
    ChunkIndex index = ChunkIndex.parse(json.getBytes(StandardCharsets.UTF_8), "/models/small");
    assertThat(index.chunks()).extracting(ChunkIndex.Chunk::length).containsExactly(4L, 6L);
  }

  /** Jackson's own message ran over several lines and quoted the package's bytes. */
  @Test
  void json_that_does_not_parse_is_one_line_naming_the_place() {
    byte[] broken = "{\"/models/small\": {\"size\": 10,\n \"chunks\": [ }".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ChunkIndex.parse(broken, "/models/small")).isInstanceOf(IOException.class)
        .hasMessage("resources.json is not valid JSON (line 2, column 14)");
  }

  /** Offsets given as an object (a hand-edited package) failed with a NullPointerException (review). */
  @Test
  void offsets_that_are_not_a_pair_of_numbers_are_named() {
    for (String offsets : new String[] {"{\"a\":0,\"b\":4}", "[0]", "[\"0\",\"4\"]"}) {
      String json = "{\"/models/small\":{\"size\":4,\"chunks\":[{\"hash\":\"" + HASH + "\",\"offsets\":" + offsets + "}]}}";
      assertThatThrownBy(() -> ChunkIndex.parse(json.getBytes(StandardCharsets.UTF_8), "/models/small"))
          .as(offsets).isInstanceOf(IOException.class)
          .hasMessage("resources.json entry '/models/small': chunk 0 has no sha256 name or offsets");
    }
  }
}
