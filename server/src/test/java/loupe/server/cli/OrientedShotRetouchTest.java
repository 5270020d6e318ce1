// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Orientation;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.server.retouch.FlatImage;
import loupe.server.retouch.FlatImageReader;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev scene delivered as a camera's portrait JPEG (pixels stored sideways, Orientation 6): the
 * retouched PSD is upright, as Photoshop opens the file, its 'Original' layer is the upright
 * picture sample for sample, and the job keeps every jewelry pixel as shot.
 */
class OrientedShotRetouchTest {
  static final Path SCENE = Path.of(System.getProperty("loupe.shared"),
      "benchmark/dev/dev01_solitaire_yellowgold/input.png");

  @TempDir
  Path tmp;

  @Test
  void a_portrait_jpeg_is_retouched_upright_and_its_jewelry_kept_bit_exact() throws Exception {
    Path plain = tmp.resolve("plain.jpg");
    ImageIO.write(ImageIO.read(SCENE.toFile()), "jpeg", plain.toFile());
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION,
        (short) TiffTagConstants.ORIENTATION_VALUE_ROTATE_90_CW);
    Path portrait = tmp.resolve("portrait.jpg");
    try (var out = Files.newOutputStream(portrait)) {
      new ExifRewriter().updateExifMetadataLossless(plain.toFile(), out, exif);
    }

    CliRun run = CliRun.of("retouch", portrait.toString(), "--recipe", "quick", "--mask", "auto:classical",
        "--out", tmp.resolve("out").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("0 changed").contains("bit-exact");

    FlatImage stored = FlatImageReader.read(plain, 10_000_000);
    PsdDocument written = PsdReader.read(tmp.resolve("out/portrait.loupe.psd"));
    assertThat(written.width()).isEqualTo(stored.color().height);
    assertThat(written.height()).isEqualTo(stored.color().width);
    PsdLayer original = written.layers().stream().filter(l -> l.name().equals("Original")).findFirst().orElseThrow();
    for (int c = 0; c < 3; c++) {
      GrayU16 shown = Orientation.TURNED_90_CW.upright(stored.color().bands[c]);
      byte[] expected = new byte[shown.width * shown.height];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = (byte) ((shown.data[i] & 0xFFFF) / 257);
      }
      assertThat(original.channel(c).decoded()).as("Original channel %d", c).isEqualTo(expected);
    }
  }
}
