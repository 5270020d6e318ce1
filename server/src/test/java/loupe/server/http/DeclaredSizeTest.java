// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap header walk against the full reader, on every file of the real PSD/PSB corpus. */
class DeclaredSizeTest {
  static final Path CORPUS = Path.of(System.getProperty("loupe.shared"), "psd-corpus");

  @TempDir
  Path tmp;

  /** Composite plus every layer's bounds × channel count, from the fully parsed document. */
  static long declaredByReader(PsdDocument doc) {
    long samples = (long) doc.width() * doc.height() * doc.channelCount();
    for (PsdLayer l : doc.layers()) {
      samples += (long) l.width() * l.height() * l.channels().size();
    }
    return samples;
  }

  @Test
  void every_corpus_file_declares_what_the_reader_finds() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(f -> f.toString().endsWith(".psd") || f.toString().endsWith(".psb")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    List<String> mismatches = new ArrayList<>();
    int withLayers = 0;
    for (Path f : files) {
      PsdDocument doc;
      try {
        doc = PsdReader.read(f);
      } catch (java.io.IOException e) {
        continue; // damaged on purpose; the walk must merely not fail (below)
      }
      DeclaredSize size = DeclaredSize.of(f);
      withLayers += doc.layers().isEmpty() ? 0 : 1;
      if (size.width() != doc.width() || size.height() != doc.height() || size.samples() != declaredByReader(doc)) {
        mismatches.add(f.getFileName() + ": walk " + size + ", reader " + doc.width() + "×" + doc.height() + " "
            + declaredByReader(doc));
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(withLayers).isGreaterThan(30);
  }

  @Test
  void a_truncated_file_declares_its_header_and_a_foreign_file_nothing() throws Exception {
    Path example = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
    byte[] bytes = Files.readAllBytes(example);
    Path cut = Files.write(tmp.resolve("cut.psd"), java.util.Arrays.copyOf(bytes, 200));
    assertThat(DeclaredSize.of(cut)).isEqualTo(new DeclaredSize(520, 540, 520L * 540 * 3));
    Path text = Files.writeString(tmp.resolve("note.psd"), "not an image");
    assertThat(DeclaredSize.of(text)).isEqualTo(DeclaredSize.UNKNOWN);
  }

  /** A PSB whose only tagged block (Mt16, 8-byte length) claims -16 bytes: it pointed the walk back at itself. */
  @Test
  void a_negative_block_length_ends_the_walk() throws Exception {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(26 + 8 + 8 + 8 + 4 + 16 + 32 + 2);
    b.put("8BPS".getBytes()).putShort((short) 2).put(new byte[6]).putShort((short) 3).putInt(64).putInt(64)
        .putShort((short) 8).putShort((short) 3);
    b.putInt(0).putInt(0); // colour mode data, image resources
    b.putLong(8 + 4 + 16 + 32); // layer and mask section
    b.putLong(0).putInt(0); // no layer info, no global mask
    b.put("8BIMMt16".getBytes()).putLong(-16).put(new byte[32]);
    b.putShort((short) 0);
    Path psb = Files.write(tmp.resolve("loop.psb"), b.array());
    DeclaredSize size = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> DeclaredSize.of(psb));
    assertThat(size).isEqualTo(new DeclaredSize(64, 64, 64L * 64 * 3));
  }

  @Test
  void a_flat_png_declares_its_size_through_its_header() throws Exception {
    Path png = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png");
    DeclaredSize size = DeclaredSize.of(png);
    assertThat(size.canvasPixels()).isEqualTo(1600L * 1200);
    assertThat(size.samples()).isEqualTo(1600L * 1200 * 3);
  }
}
