// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import loupe.models.Sha256;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The tar reader against archives written by GNU tar (make-package.sh), whole and damaged. */
class TarReaderTest {
  @Test
  void readsEveryRegularFileOfAGnuTarArchive() throws IOException {
    Map<String, byte[]> files = read(tar());
    assertThat(files.keySet()).contains("package/LICENSE.md", "package/package.json", "package/dist/resources.json");
    assertThat(new String(files.get("package/LICENSE.md"), StandardCharsets.UTF_8)).isEqualTo("Test fixture licence text.\n");
    // Chunks are named by their SHA-256: the reader hands back exactly their bytes.
    files.forEach((name, data) -> {
      if (name.startsWith("package/dist/") && !name.endsWith(".json")) {
        assertThat(name).endsWith(Sha256.hex(data));
      }
    });
    assertThat(files).hasSize(7);
  }

  @Test
  void longNamesComeFromGnuLongNameEntries() throws IOException {
    assertThat(read(tar()).keySet()).contains("package/notes/" + "n".repeat(120) + ".txt");
  }

  @Test
  void unreadContentIsSkipped() throws IOException {
    int[] count = {0};
    TarReader.read(new ByteArrayInputStream(tar()), (name, size, content) -> count[0]++);
    assertThat(count[0]).isEqualTo(7);
  }

  @Test
  void truncatedArchiveIsAnError() {
    byte[] tar = tar();
    byte[] cut = Arrays.copyOf(tar, 512 * 3 + 100);
    assertThatThrownBy(() -> read(cut)).isInstanceOf(EOFException.class).hasMessageContaining("truncated");
  }

  @Test
  void somethingElseIsNotATar() {
    byte[] junk = "just some text, not a tar archive".repeat(40).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(junk)).isInstanceOf(IOException.class).hasMessageContaining("not a tar archive");
  }

  private static byte[] tar() {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Fixtures.bytes("tiny-package.tgz")))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> read(byte[] tar) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    TarReader.read(new ByteArrayInputStream(tar), (name, size, content) -> {
      byte[] data = content.readAllBytes();
      assertThat(data).hasSize((int) size);
      files.put(name, data);
    });
    return files;
  }
}
