// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import loupe.server.UserError;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flat files read as Photoshop opens them; one the decoder cannot read is the user's input error, named by file. */
class FlatImageReaderTest {
  @TempDir
  Path tmp;

  @Test
  void a_whole_png_reads_at_its_size() throws Exception {
    Path png = writeNoise("whole.png");
    FlatImage image = FlatImageReader.read(png, 1_000_000);
    assertThat(image.color().width).isEqualTo(64);
    assertThat(image.color().height).isEqualTo(48);
  }

  /**
   * A file cut in half is the user's bad input (400), named by file and said in words: a PNG's
   * decoder error; a JPEG, which decodes "successfully" with its missing half grey, as incomplete;
   * a TIFF, whose EOFException has no message, never as "null".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "png, ': cannot decode the image, it is damaged or cut short (the decoder says: '",
      "jpeg, ': the image data is incomplete ('",
      "tiff, ': cannot decode the image, it is damaged or cut short (truncated TIFF?)'"})
  void a_file_cut_in_half_is_refused_naming_it(String format, String says) throws Exception {
    Path whole = writeNoise("whole." + format, format);
    assertThat(FlatImageReader.read(whole, 1_000_000).color().width).isEqualTo(64);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(tmp.resolve("cut." + format), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> FlatImageReader.read(cut, 1_000_000))
        .isInstanceOfSatisfying(UserError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).startsWith(cut + says);
        });
  }

  /**
   * A TIFF damaged at any one byte of its header or directory is refused in words: the decoder's
   * runtime failures (a ClassCastException of an EOFException, out-of-bounds indices) are not
   * quoted to the user; its IOExceptions are.
   */
  @Test
  void a_damaged_tiff_is_never_refused_in_java_words() throws Exception {
    Path plain = writeNoise("plain.png");
    Path tiff = tmp.resolve("whole.tiff");
    try (var out = Files.newOutputStream(tiff)) {
      // Commons Imaging writes strips of ~8 KB: two of them, their offsets stored out of line.
      new TiffImageParser().writeImage(ImageIO.read(plain.toFile()), out, new TiffImagingParameters());
    }
    byte[] whole = Files.readAllBytes(tiff);
    java.util.List<String> leaks = new java.util.ArrayList<>();
    int refused = 0;
    for (int at = 0; at < 256; at++) { // header, directory and its out-of-line values; the strips follow
      for (int value : new int[] {0x00, 0xFF}) {
        byte[] bytes = whole.clone();
        bytes[at] = (byte) value;
        Path damaged = Files.write(tmp.resolve("damaged.tiff"), bytes);
        try {
          FlatImageReader.read(damaged, 1_000_000);
        } catch (UserError e) {
          refused++;
          if (e.getMessage().matches("(?s).*(java\\.|Exception|class ).*")) {
            leaks.add("byte " + at + " = " + value + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(refused).isGreaterThan(10);
    assertThat(leaks).isEmpty();
  }

  @Test
  void a_palette_png_is_refused_as_a_palette_image_not_as_8_bit() throws Exception {
    BufferedImage indexed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
    Path png = tmp.resolve("indexed.png");
    ImageIO.write(indexed, "png", png.toFile());
    assertThatThrownBy(() -> FlatImageReader.read(png, 1_000_000))
        .isInstanceOf(UserError.class)
        .hasMessage(png + ": palette (indexed-colour) images are not supported; save it as 8- or 16-bit RGB or gray");
  }

  /** A CMYK JPEG written without Adobe's marker is still CMYK, not RGB with transparency (review). */
  @Test
  void a_four_channel_jpeg_without_an_adobe_marker_is_refused_as_cmyk() throws Exception {
    java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(
        java.awt.image.DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    Path jpeg = tmp.resolve("cmyk.jpg");
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(jpeg.toFile())) {
      writer.setOutput(out);
      writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }
    assertThatThrownBy(() -> FlatImageReader.read(jpeg, 1_000_000))
        .isInstanceOf(UserError.class)
        .hasMessage(jpeg + ": 4 colour channels (CMYK); Loupe retouches RGB and grayscale pictures: convert it to RGB first");
  }

  /**
   * A camera's portrait JPEG or TIFF stores its pixels sideways with Orientation 6 (turn 90°
   * clockwise to show); Photoshop opens it upright, so Loupe must, or its layers and masks would lie
   * across the retoucher's document. The tag is added losslessly (JPEG) or written with the pixels
   * (TIFF), so the tagged file's stored pixels are the plain file's.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"jpeg", "tiff"})
  void a_camera_portrait_tagged_to_turn_is_read_upright(String format) throws Exception {
    Path plain = writeNoise("plain." + format, format);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION,
        (short) TiffTagConstants.ORIENTATION_VALUE_ROTATE_90_CW);
    Path tagged = tmp.resolve("tagged." + format);
    try (var out = Files.newOutputStream(tagged)) {
      if (format.equals("jpeg")) {
        new ExifRewriter().updateExifMetadataLossless(plain.toFile(), out, exif);
      } else {
        new TiffImageParser().writeImage(ImageIO.read(plain.toFile()), out, new TiffImagingParameters().setOutputSet(exif));
      }
    }
    FlatImage stored = FlatImageReader.read(plain, 1_000_000);
    FlatImage shown = FlatImageReader.read(tagged, 1_000_000);
    int w = stored.color().width;
    int h = stored.color().height;
    assertThat(shown.color().width).isEqualTo(h);
    assertThat(shown.color().height).isEqualTo(w);
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < w; v++) {
        for (int u = 0; u < h; u++) {
          // Turned clockwise, the stored bottom-left corner comes to the top left.
          assertThat(shown.color().bands[c].get(u, v)).isEqualTo(stored.color().bands[c].get(v, h - 1 - u));
        }
      }
    }
  }

  /**
   * The Orientation tag is read from what the decoder parses anyway, not by a second reader that
   * walks every directory and loads its strips: a 16×16 TIFF followed by 5,000 directories whose
   * strips each span the whole file made such a reader overflow its stack (or, reading thumbnails,
   * the heap) on a few hundred kilobytes.
   */
  @Test
  void a_tiff_with_thousands_of_directories_reads_its_first_picture() throws Exception {
    int extra = 5_000;
    int ifd0 = 8;
    int ifd0Size = 2 + 9 * 12 + 4;
    int bits = ifd0 + ifd0Size;
    int pixels = bits + 6;
    int firstExtra = pixels + 16 * 16 * 3;
    int extraSize = 2 + 4 * 12 + 4;
    int length = firstExtra + extra * extraSize;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
    b.putShort((short) 9);
    entry(b, 256, 3, 1, 16);
    entry(b, 257, 3, 1, 16);
    entry(b, 258, 3, 3, bits);
    entry(b, 259, 3, 1, 1);
    entry(b, 262, 3, 1, 2);
    entry(b, 273, 4, 1, pixels);
    entry(b, 277, 3, 1, 3);
    entry(b, 278, 3, 1, 16);
    entry(b, 279, 4, 1, 16 * 16 * 3);
    b.putInt(firstExtra);
    b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
    b.position(firstExtra);
    for (int i = 0; i < extra; i++) {
      b.putShort((short) 4);
      entry(b, 256, 3, 1, 16);
      entry(b, 257, 3, 1, 16);
      entry(b, 273, 4, 1, 0);
      entry(b, 279, 4, 1, length);
      b.putInt(i + 1 < extra ? firstExtra + (i + 1) * extraSize : 0);
    }
    Path tif = Files.write(tmp.resolve("directories.tif"), b.array());
    FlatImage image = FlatImageReader.read(tif, 1_000_000);
    assertThat(image.color().width).isEqualTo(16);
    assertThat(image.color().height).isEqualTo(16);
  }

  /**
   * A TIFF's densities belong to its stored axes: a portrait stored sideways at 300 ppi across and
   * 200 ppi down is, upright, 200 ppi across and 300 down (it was kept as stored, 300 across).
   */
  @Test
  void a_quarter_turned_pictures_resolution_is_given_for_its_upright_axes() throws Exception {
    int w = 16;
    int h = 8;
    int ifd = 8;
    int entries = 13;
    int bits = ifd + 2 + entries * 12 + 4;
    int xres = bits + 6;
    int yres = xres + 8;
    int pixels = yres + 8;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(pixels + w * h * 3).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
    b.putShort((short) entries);
    entry(b, 256, 3, 1, w);
    entry(b, 257, 3, 1, h);
    entry(b, 258, 3, 3, bits);
    entry(b, 259, 3, 1, 1);
    entry(b, 262, 3, 1, 2);
    entry(b, 273, 4, 1, pixels);
    entry(b, 274, 3, 1, 6); // turn 90° clockwise to show
    entry(b, 277, 3, 1, 3);
    entry(b, 278, 3, 1, h);
    entry(b, 279, 4, 1, w * h * 3);
    entry(b, 282, 5, 1, xres);
    entry(b, 283, 5, 1, yres);
    entry(b, 296, 3, 1, 2); // inches
    b.putInt(0);
    b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
    b.putInt(300).putInt(1).putInt(200).putInt(1);
    Path tif = Files.write(tmp.resolve("portrait.tif"), b.array());

    assertThat(FlatImageReader.read(tif, 1_000_000).color().width).isEqualTo(h);
    assertThat(FlatImageReader.ppi(tif)).hasValueSatisfying(ppi -> assertThat(ppi).containsExactly(200, 300));
  }

  /** One IFD entry whose value fits in its 4 bytes (a SHORT in the first two). */
  private static void entry(java.nio.ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3 && count == 1) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  @Test
  void a_one_bit_picture_is_refused_for_its_depth_not_as_a_palette_image() throws Exception {
    Path tif = tmp.resolve("bitmap.tif");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY), "tiff", tif.toFile());
    assertThatThrownBy(() -> FlatImageReader.read(tif, 1_000_000))
        .isInstanceOf(UserError.class)
        .hasMessage(tif + ": 1-bit samples are not supported; save it as 8- or 16-bit RGB or gray");
  }

  /**
   * A PNG's embedded profile (iCCP) reaches the document: the JDK's decoder drops it, and an Adobe
   * RGB or Display P3 picture would open in Photoshop untagged, shown in the working space. A
   * profile chunk that inflates past any real profile (64 MB of zeros) is ignored, not inflated.
   */
  @Test
  void a_pngs_embedded_profile_is_kept_and_a_bomb_of_one_is_not_inflated() throws Exception {
    byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
    Path tagged = Files.write(tmp.resolve("tagged.png"), png(profile));
    assertThat(FlatImageReader.read(tagged, 1_000_000).iccProfile()).isEqualTo(profile);
    Path bomb = Files.write(tmp.resolve("bomb.png"), png(new byte[64 << 20]));
    assertThat(FlatImageReader.read(bomb, 1_000_000).iccProfile()).isNull();
    assertThat(FlatImageReader.read(writeNoise("plain.png"), 1_000_000).iccProfile()).isNull();
  }

  /**
   * A JPEG with an embedded profile is read as Photoshop opens it: the file's own values, tagged
   * with its profile. (TwelveMonkeys' default turns it into sRGB, in 8 bits: the linear-light grey
   * 64 here came back as 137 and untagged, and outside sRGB it clips.)
   */
  @Test
  void a_jpeg_with_an_embedded_profile_keeps_its_values_and_its_profile() throws Exception {
    java.awt.color.ICC_Profile linear = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB);
    java.awt.image.ColorModel model = new java.awt.image.ComponentColorModel(new java.awt.color.ICC_ColorSpace(linear),
        false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
    java.awt.image.WritableRaster raster = model.createCompatibleWritableRaster(16, 16);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setPixel(x, y, new int[] {64, 64, 64});
      }
    }
    Path jpeg = tmp.resolve("linear.jpg");
    ImageIO.write(new BufferedImage(model, raster, false, null), "jpeg", jpeg.toFile());
    FlatImage image = FlatImageReader.read(jpeg, 1_000_000);
    assertThat(image.iccProfile()).isEqualTo(linear.getData());
    for (int c = 0; c < 3; c++) {
      assertThat(image.color().bands[c].get(8, 8) / 257).as("band %d", c).isBetween(62, 66);
    }
  }

  /** An 8×8 RGB PNG whose iCCP chunk holds {@code profile}, deflated as the spec says. */
  private static byte[] png(byte[] profile) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(8).putInt(8).put(new byte[] {8, 2, 0, 0, 0}).array());
    java.io.ByteArrayOutputStream iccp = new java.io.ByteArrayOutputStream();
    iccp.write("Profile\0\0".getBytes(StandardCharsets.US_ASCII));
    iccp.write(deflated(profile));
    chunk(out, "iCCP", iccp.toByteArray());
    chunk(out, "IDAT", deflated(new byte[8 * (1 + 8 * 3)]));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    byte[] typed = type.getBytes(StandardCharsets.US_ASCII);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(typed);
    crc.update(data);
    out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(typed);
    out.write(data);
    out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] deflated(byte[] data) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.DeflaterOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  /** Noise, so the pixel data is long enough that half of the file cuts into it. */
  private Path writeNoise(String name) throws Exception {
    return writeNoise(name, "png");
  }

  private Path writeNoise(String name, String format) throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    Path file = tmp.resolve(name);
    ImageIO.write(image, format, file.toFile());
    return file;
  }
}
