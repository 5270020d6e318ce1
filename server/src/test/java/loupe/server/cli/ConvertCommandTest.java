// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import loupe.psd.Compression;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `loupe convert` never overwrites without --force, writes only PSD/PSB, says what is wrong with IN,
 * and with --compression stores every channel anew in that compression.
 */
class ConvertCommandTest {
  static final String EXAMPLE = RetouchCommandTest.EXAMPLE.toString();

  @TempDir
  Path tmp;

  @Test
  void an_existing_out_is_kept_unless_forced() throws Exception {
    Path out = Files.writeString(tmp.resolve("mine.psd"), "not to be lost");
    CliRun refused = CliRun.of("convert", EXAMPLE, out.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains(out + ": exists; use --force");
    assertThat(Files.readString(out)).isEqualTo("not to be lost");

    CliRun forced = CliRun.of("convert", EXAMPLE, out.toString(), "--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(Files.size(out)).isGreaterThan(1000);
  }

  /** IN a link to OUT is OUT: converting "onto" the link's target replaced the input (a reviewer's probe). */
  @Test
  void in_reached_through_a_link_is_never_overwritten() throws Exception {
    Path target = Files.copy(Path.of(EXAMPLE), tmp.resolve("x.psd"));
    Path link = Files.createSymbolicLink(tmp.resolve("link.psd"), target);
    byte[] before = Files.readAllBytes(target);
    CliRun run = CliRun.of("convert", link.toString(), target.toString(), "--force", "--compression", "zip");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("OUT must differ from IN");
    assertThat(Files.readAllBytes(target)).isEqualTo(before);
  }

  @Test
  void out_must_be_named_psd_or_psb() {
    Path png = tmp.resolve("x.png");
    CliRun run = CliRun.of("convert", EXAMPLE, png.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("convert writes PSD or PSB");
    assertThat(png).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource({"agpsd__jewelry-rgb8-rle.psd, zip, ZIP", "agpsd__jewelry-rgb8-zip.psd, rle, RLE"})
  void compression_re_encodes_every_channel_with_the_same_pixels(String file, String asked, Compression code)
      throws Exception {
    Path in = MaskFiles.CORPUS.resolve(file);
    Path out = tmp.resolve("converted.psd");
    CliRun run = CliRun.of("convert", in.toString(), out.toString(), "--compression", asked);
    assertThat(run.exit()).as(run.err()).isZero();

    PsdDocument before = PsdReader.read(in);
    PsdDocument after = PsdReader.read(out);
    assertThat(after.layers()).hasSameSizeAs(before.layers()).isNotEmpty();
    for (int i = 0; i < before.layers().size(); i++) {
      List<PsdChannel> a = before.layers().get(i).channels();
      List<PsdChannel> b = after.layers().get(i).channels();
      assertThat(b).hasSameSizeAs(a);
      for (int c = 0; c < a.size(); c++) {
        assertThat(b.get(c).compression()).as("layer %d channel %d", i, c).isEqualTo(code);
        assertThat(b.get(c).decoded()).as("layer %d channel %d", i, c).isEqualTo(a.get(c).decoded());
      }
    }
    assertThat(after.compositeCompression()).isEqualTo(Compression.RLE);
    for (int c = 0; c < before.composite().size(); c++) {
      assertThat(after.composite().get(c).decoded()).as("composite %d", c).isEqualTo(before.composite().get(c).decoded());
    }
    assertThat(Files.mismatch(in, out)).isNotEqualTo(-1);
    // TwelveMonkeys, an independent reader, sees the same images in the output as in the input.
    assertThat(twelveMonkeys(out)).hasSameSizeAs(twelveMonkeys(in));
    List<int[]> expected = twelveMonkeys(in);
    List<int[]> actual = twelveMonkeys(out);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("TwelveMonkeys image %d", i).isEqualTo(expected.get(i));
    }
  }

  @Test
  void without_compression_the_stored_channels_are_kept_byte_for_byte() throws Exception {
    Path in = MaskFiles.CORPUS.resolve("agpsd__jewelry-rgb8-zip.psd");
    Path out = tmp.resolve("same.psd");
    CliRun run = CliRun.of("convert", in.toString(), out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.mismatch(in, out)).isEqualTo(-1);
  }

  /** Every image TwelveMonkeys reads (composite, then the layers; none for a group record), as samples. */
  private static List<int[]> twelveMonkeys(Path file) throws Exception {
    List<int[]> images = new ArrayList<>();
    try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = null;
      for (Iterator<ImageReader> it = ImageIO.getImageReaders(iis); it.hasNext(); ) {
        ImageReader r = it.next();
        if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
          reader = r;
        }
      }
      assertThat(reader).as("TwelveMonkeys PSD reader").isNotNull();
      reader.setInput(iis);
      for (int i = 0; i < reader.getNumImages(true); i++) {
        var image = reader.read(i); // null for a group record
        Raster r = image == null ? null : image.getRaster();
        images.add(r == null ? new int[0] : r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null));
      }
      reader.dispose();
    }
    return images;
  }

  @Test
  void a_folder_as_in_is_called_a_folder() {
    CliRun run = CliRun.of("convert", tmp.toString(), tmp.resolve("x.psd").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(tmp + ": is a folder");
  }
}
