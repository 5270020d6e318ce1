// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of an npm package's {@code dist/resources.json}: the file is the concatenation of its
 * chunks in order; each chunk is stored under its SHA-256 and covers bytes [start, end) of the file.
 */
public record ChunkIndex(String key, long size, List<Chunk> chunks) {
  public record Chunk(String sha256, long start, long end) {
    public long length() {
      return end - start;
    }
  }

  /**
   * Reads the entry {@code key} (e.g. {@code /models/small}) from resources.json and checks that its
   * chunks tile [0, size) in order.
   */
  public static ChunkIndex parse(byte[] resourcesJson, String key) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(resourcesJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Jackson's message spans lines and quotes the source; the place is what matters.
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new IOException("resources.json is not valid JSON" + (at == null ? ""
          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    }
    JsonNode entry = root == null ? null : root.get(key);
    if (entry == null) {
      throw new IOException("resources.json has no entry '" + key + "'");
    }
    long size = entry.path("size").asLong(-1);
    JsonNode list = entry.path("chunks");
    if (size < 0 || !list.isArray() || list.isEmpty()) {
      throw new IOException("resources.json entry '" + key + "' has no size or chunk list");
    }
    List<Chunk> chunks = new ArrayList<>();
    long next = 0;
    for (JsonNode c : list) {
      String hash = c.path("hash").asText("");
      JsonNode offsets = c.path("offsets");
      boolean pair = offsets.isArray() && offsets.size() == 2 && offsets.get(0).isIntegralNumber()
          && offsets.get(1).isIntegralNumber();
      if (!hash.matches("[0-9a-f]{64}") || !pair) {
        throw new IOException("resources.json entry '" + key + "': chunk " + chunks.size() + " has no sha256 name or offsets");
      }
      long start = offsets.get(0).asLong();
      long end = offsets.get(1).asLong();
      if (start != next || end <= start) {
        throw new IOException("resources.json entry '" + key + "': chunk " + chunks.size() + " covers [" + start + ", "
            + end + ") but the previous chunk ended at " + next);
      }
      chunks.add(new Chunk(hash, start, end));
      next = end;
    }
    if (next != size) {
      throw new IOException("resources.json entry '" + key + "': chunks cover " + next + " bytes, size says " + size);
    }
    return new ChunkIndex(key, size, List.copyOf(chunks));
  }
}
