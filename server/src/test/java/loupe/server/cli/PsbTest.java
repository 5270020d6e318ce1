// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PSB, Photoshop's large document format: `loupe convert` writes it by OUT's extension, a retouch keeps it. */
class PsbTest {
  @TempDir
  Path tmp;

  @Test
  void convert_writes_the_format_out_is_named_for_with_every_pixel_kept() throws Exception {
    Path psb = tmp.resolve("solitaire.psb");
    Path psd = tmp.resolve("back.psd");
    assertThat(CliRun.of("convert", RetouchCommandTest.EXAMPLE.toString(), psb.toString()).out()).contains("(PSB,");
    assertThat(CliRun.of("convert", psb.toString(), psd.toString()).out()).contains("(PSD,");

    assertThat(version(psb)).isEqualTo(2);
    assertThat(version(psd)).isEqualTo(1);
    PsdDocument original = PsdReader.read(RetouchCommandTest.EXAMPLE);
    for (Path converted : List.of(psb, psd)) {
      PsdDocument doc = PsdReader.read(converted);
      assertThat(channels(doc)).as("%s", converted.getFileName()).containsExactlyElementsOf(channels(original));
      assertThat(doc.composite().get(1).decoded()).isEqualTo(original.composite().get(1).decoded());
    }
  }

  @Test
  void a_psb_is_retouched_into_a_psb() throws Exception {
    Path psb = tmp.resolve("solitaire.psb");
    assertThat(CliRun.of("convert", RetouchCommandTest.EXAMPLE.toString(), psb.toString()).exit()).isZero();

    CliRun run = CliRun.of("retouch", psb.toString(), "--recipe", "pro", "--out", tmp.resolve("out").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Path out = tmp.resolve("out/solitaire.loupe.psb");
    assertThat(run.out()).contains(out.toString()).contains("bit-exact");
    assertThat(version(out)).isEqualTo(2);
  }

  @Test
  void a_psb_named_psd_comes_back_named_psb() throws Exception {
    Path misnamed = tmp.resolve("large.psd");
    assertThat(CliRun.of("convert", RetouchCommandTest.EXAMPLE.toString(), tmp.resolve("large.psb").toString()).exit())
        .isZero();
    Files.move(tmp.resolve("large.psb"), misnamed);

    CliRun run = CliRun.of("retouch", misnamed.toString(), "--recipe", "pro", "--out", tmp.resolve("out").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(version(tmp.resolve("out/large.loupe.psb"))).isEqualTo(2);
    // The CLI predicts that name before any work: a second run finds it and skips the file.
    CliRun again = CliRun.of("retouch", misnamed.toString(), "--recipe", "pro", "--out", tmp.resolve("out").toString());
    assertThat(again.out()).contains("exists, skipped");
  }

  static int version(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(6);
      assertThat(new String(header, 0, 4, "US-ASCII")).isEqualTo("8BPS");
      return ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
    }
  }

  /** Every layer's channels, decoded, as text for a readable diff. */
  static List<String> channels(PsdDocument doc) {
    return doc.layers().stream().flatMap(l -> l.channels().stream().map(c -> describe(l, c))).toList();
  }

  static String describe(PsdLayer l, PsdChannel c) {
    return l.name() + "/" + c.id() + " " + java.util.Arrays.hashCode(c.decoded()) + " " + c.decoded().length;
  }
}
