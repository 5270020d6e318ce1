// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.path.Paths;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.geom.Path2D;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.image.GrayU16;
import loupe.psd.ImageResource;
import loupe.psd.PsdDocument;
import loupe.server.UserError;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class FlatExporterTest {
  @TempDir
  Path dir;

  private static final ExportOptions OPTIONS = ExportOptions.DEFAULT;

  /** Intersection over union of "path coverage ≥ 50 %" and "mask ≥ 50 %". */
  static double iou(GrayU16 raster, GrayU16 mask) {
    long both = 0;
    long either = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        boolean a = raster.get(x, y) >= 32768;
        boolean b = mask.get(x, y) >= 32768;
        both += a && b ? 1 : 0;
        either += a || b ? 1 : 0;
      }
    }
    return (double) both / either;
  }

  static Path2D readPath(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      return Paths.readPath(in);
    }
  }

  /** The Photoshop image resources of a TIFF (tag 34377) or JPEG (APP13 segments, concatenated). */
  static byte[] photoshopResources(Path file, ExportFormat format) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (format == ExportFormat.TIFF) {
        Entry e = ((CompoundDirectory) new TIFFReader().read(in)).getDirectory(0).getEntryById(34377);
        return e == null ? null : (byte[]) e.getValue();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (JPEGSegment s : JPEGSegmentUtil.readSegments(in, 0xFFED, "Photoshop 3.0")) {
        try (InputStream data = s.data()) {
          out.writeBytes(data.readAllBytes());
        }
      }
      return out.size() == 0 ? null : out.toByteArray();
    }
  }

  /** Resource blocks by id: {name, data}, parsed by the spec's layout (not by the code under test). */
  static Map<Integer, byte[][]> blocks(byte[] d) {
    Map<Integer, byte[][]> out = new LinkedHashMap<>();
    int p = 0;
    while (p + 12 <= d.length) {
      assertThat(new String(d, p, 4, StandardCharsets.US_ASCII)).isEqualTo("8BIM");
      int id = (d[p + 4] & 0xFF) << 8 | (d[p + 5] & 0xFF);
      int nameLength = d[p + 6] & 0xFF;
      byte[] name = java.util.Arrays.copyOfRange(d, p + 7, p + 7 + nameLength);
      int q = p + 6 + ((nameLength + 2) & ~1);
      int size = (d[q] & 0xFF) << 24 | (d[q + 1] & 0xFF) << 16 | (d[q + 2] & 0xFF) << 8 | (d[q + 3] & 0xFF);
      out.put(id, new byte[][] {name, java.util.Arrays.copyOfRange(d, q + 4, q + 4 + size)});
      p = q + 4 + size + (size & 1);
    }
    assertThat(p).as("blocks end exactly at the end of the data").isEqualTo(d.length);
    return out;
  }

  /**
   * A full disk during an export: ImageIO's PNG and TIFF writers wrap the OS's words in their own
   * ("I/O error writing PNG file!"), which the CLI printed after the input's name. The failure names
   * the export and the reason, and leaves no file behind.
   */
  @Test
  void a_full_disk_while_encoding_is_said_naming_the_export() throws IOException {
    Path out = dir.resolve("ring.png");
    assertThatThrownBy(() -> FlatExporter.writeAtomically(out, stream -> {
      stream.write(new byte[1000]);
      throw new javax.imageio.IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
    })).isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
      assertThat(e.getFile()).isEqualTo(out.toString());
      assertThat(e.getReason()).isEqualTo("No space left on device");
    });
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void tiff_and_jpeg_carry_a_clipping_path_that_twelvemonkeys_reads_and_that_covers_the_product() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input(), 3, 8);
    GrayU16 mask = ExportScenes.mask();
    for (ExportFormat format : new ExportFormat[] {ExportFormat.TIFF, ExportFormat.JPEG}) {
      Path out = dir.resolve("dev01." + format.extension());
      ExportResult r = FlatExporter.export(doc, mask, format, out, OPTIONS);
      Path2D path = readPath(out);
      assertThat(path).as("%s: TwelveMonkeys finds the path", format).isNotNull();
      GrayU16 raster = PathRasterizer.rasterize(ExportScenes.toGeometry(path, doc.width(), doc.height()),
          doc.width(), doc.height(), null);
      double iou = iou(raster, mask);
      assertThat(iou).as("%s IoU", format).isGreaterThanOrEqualTo(0.98);
      assertThat(r.pathSubpaths()).as("the ring, its holes, the stone's gaps").isGreaterThan(1);
    }
  }

  @Test
  void resource_2999_names_the_saved_path_as_the_clipping_path() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(560, 300, 480, 360, 0, 0, null), 3, 8);
    GrayU16 mask = ExportScenes.mask().subimage(560, 300, 1040, 660);
    for (ExportFormat format : new ExportFormat[] {ExportFormat.TIFF, ExportFormat.JPEG}) {
      Path out = dir.resolve("named." + format.extension());
      FlatExporter.export(doc, mask, format, out, OPTIONS.withPathName("Ring outline"));
      Map<Integer, byte[][]> blocks = blocks(photoshopResources(out, format));
      assertThat(blocks).containsOnlyKeys(2000, 2999);
      assertThat(new String(blocks.get(2000)[0], StandardCharsets.US_ASCII)).isEqualTo("Ring outline");
      byte[] clip = blocks.get(2999)[1];
      int length = clip[0] & 0xFF;
      assertThat(new String(clip, 1, length, StandardCharsets.US_ASCII)).isEqualTo("Ring outline");
      // Flatness (16.16 fixed, 1 device pixel) and fill rule 1 = even-odd, as Photoshop files hold them.
      assertThat(java.util.Arrays.copyOfRange(clip, 1 + length, clip.length)).containsExactly(0, 1, 0, 0, 0, 1);
      assertThat(blocks.get(2000)[1].length % 26).as("path data is 26-byte records").isZero();
    }
  }

  @Test
  void sixteen_and_eight_bit_png_and_tiff_round_trip_exactly() throws IOException {
    Raster clean = ExportScenes.clean().createChild(560, 300, 480, 360, 0, 0, null);
    Raster shot = ExportScenes.input().createChild(560, 300, 480, 360, 0, 0, null);
    GrayU16 mask = ExportScenes.mask().subimage(560, 300, 1040, 660);
    for (int depth : new int[] {16, 8}) {
      for (int bands : new int[] {3, 1}) {
        PsdDocument doc = ExportScenes.document(depth == 16 ? clean : shot, bands, depth);
        for (ExportFormat format : new ExportFormat[] {ExportFormat.PNG, ExportFormat.TIFF}) {
          Path out = dir.resolve("exact" + depth + bands + "." + format.extension());
          ExportResult r = FlatExporter.export(doc, mask, format, out, OPTIONS);
          assertThat(r.bitsPerSample()).isEqualTo(depth);
          Raster back = ImageIO.read(out.toFile()).getRaster();
          assertThat(back.getNumBands()).isEqualTo(bands);
          assertThat(back.getSampleModel().getSampleSize(0)).isEqualTo(depth);
          int w = doc.width();
          for (int c = 0; c < bands; c++) {
            int[] want = ExportScenes.samples(doc, c);
            for (int y = 0; y < doc.height(); y++) {
              for (int x = 0; x < w; x++) {
                if (back.getSample(x, y, c) != want[y * w + x]) {
                  throw new AssertionError(format + " " + depth + "-bit " + bands + " bands differs at (" + x + "," + y
                      + ") band " + c);
                }
              }
            }
          }
        }
      }
    }
  }

  /** A product of a few pixels is too small to outline, not empty: the note said "empty" (a reviewer's probe). */
  @Test
  void a_product_too_small_to_outline_is_not_called_empty() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.clean().createChild(560, 300, 480, 360, 0, 0, null), 3, 8);
    GrayU16 speck = new GrayU16(480, 360);
    speck.set(100, 100, 65535);
    speck.set(101, 100, 65535);
    ExportResult small = FlatExporter.export(doc, speck, ExportFormat.TIFF, dir.resolve("speck.tif"), OPTIONS);
    assertThat(small.notes()).contains("the product mask selects no area of 4 px or more at half strength or more: no clipping path");
    ExportResult empty = FlatExporter.export(doc, new GrayU16(480, 360), ExportFormat.TIFF, dir.resolve("empty.tif"),
        OPTIONS);
    assertThat(empty.notes()).contains("the product mask is empty: no clipping path");
  }

  @Test
  void a_16_bit_document_becomes_an_8_bit_jpeg_rounded_and_the_result_says_so() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.clean().createChild(560, 300, 480, 360, 0, 0, null), 3, 16);
    Path out = dir.resolve("reduced.jpg");
    ExportResult r = FlatExporter.export(doc, new GrayU16(480, 360), ExportFormat.JPEG, out, OPTIONS);
    assertThat(r.bitsPerSample()).isEqualTo(8);
    assertThat(r.notes()).anyMatch(n -> n.contains("16-bit document reduced to 8 bits")).anyMatch(n -> n.contains("lossy"));
    assertThat(r.notes()).anyMatch(n -> n.contains("no clipping path"));
    Raster back = ImageIO.read(out.toFile()).getRaster();
    assertThat(back.getSampleModel().getSampleSize(0)).isEqualTo(8);
    double error = 0;
    for (int c = 0; c < 3; c++) {
      int[] samples = ExportScenes.samples(doc, c);
      for (int y = 0; y < 360; y++) {
        for (int x = 0; x < 480; x++) {
          double want = samples[y * 480 + x] * 255 / 65535.0;
          error += Math.abs(back.getSample(x, y, c) - want);
        }
      }
    }
    assertThat(error / (480 * 360 * 3)).as("mean absolute error in 8-bit levels at quality 95").isLessThan(1.5);
  }

  @Test
  void every_format_declares_the_digital_source_type_in_xmp() throws Exception {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(560, 300, 200, 100, 0, 0, null), 3, 8);
    for (ExportFormat format : ExportFormat.values()) {
      Path out = dir.resolve("dst." + format.extension());
      ExportResult r = FlatExporter.export(doc, new GrayU16(200, 100), format, out,
          OPTIONS.withDigitalSource(DigitalSourceType.COMPOSITE));
      assertThat(r.digitalSourceType()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/composite");
      String xmp = Imaging.getXmpXml(out.toFile());
      assertThat(xmp).as("%s XMP", format).isNotNull();
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      NodeList dst = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)))
          .getElementsByTagNameNS("http://iptc.org/std/Iptc4xmpExt/2008-02-29/", "DigitalSourceType");
      assertThat(dst.getLength()).as("%s", format).isEqualTo(1);
      assertThat(dst.item(0).getTextContent()).isEqualTo(DigitalSourceType.COMPOSITE.uri());
      // Without a term and without document XMP, no packet is written at all.
      Path plain = dir.resolve("plain." + format.extension());
      assertThat(FlatExporter.export(doc, new GrayU16(200, 100), format, plain, OPTIONS).digitalSourceType()).isNull();
      assertThat(Imaging.getXmpXml(plain.toFile())).as("%s without XMP", format).isNull();
    }
  }

  @Test
  void every_format_embeds_the_icc_profile_and_the_resolution() throws Exception {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(560, 300, 200, 100, 0, 0, null), 3, 8);
    byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    doc.setResource(new ImageResource(1039, "", icc));
    // ResolutionInfo: 300 ppi (16.16 fixed) horizontally and vertically, units inches.
    doc.setResource(new ImageResource(1005, "", new byte[] {1, 44, 0, 0, 0, 1, 0, 1, 1, 44, 0, 0, 0, 1, 0, 1}));
    for (ExportFormat format : ExportFormat.values()) {
      Path out = dir.resolve("icc." + format.extension());
      FlatExporter.export(doc, new GrayU16(200, 100), format, out, OPTIONS);
      assertThat(Imaging.getIccProfileBytes(out.toFile())).as("%s ICC", format).isEqualTo(icc);
      try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
        ImageReader reader = ImageIO.getImageReaders(in).next();
        reader.setInput(in);
        org.w3c.dom.Node standard = reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
        NodeList size = ((org.w3c.dom.Element) standard).getElementsByTagName("HorizontalPixelSize");
        assertThat(Double.parseDouble(((org.w3c.dom.Element) size.item(0)).getAttribute("value")))
            .as("%s mm per pixel", format).isCloseTo(25.4 / 300, org.assertj.core.data.Offset.offset(1e-4));
        reader.dispose();
      }
    }
  }

  /**
   * A document whose composite is its original one (a layer psd-io cannot render) would be
   * exported as shot under a retouched name: refused, nothing written (it was written with a note).
   */
  @Test
  void a_kept_original_composite_is_not_exported() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(0, 0, 64, 48, 0, 0, null), 3, 8);
    Path kept = dir.resolve("kept.png");
    assertThatThrownBy(() -> FlatExporter.export(doc, new GrayU16(64, 48), ExportFormat.PNG, kept,
        OPTIONS.withCompositeRecomputed(false))).isInstanceOf(UserError.class)
        .hasMessageStartingWith(kept + ": not written: Loupe could not flatten the document's layers");
    assertThat(kept).doesNotExist();
    ExportResult fresh = FlatExporter.export(doc, new GrayU16(64, 48), ExportFormat.PNG, dir.resolve("fresh.png"), OPTIONS);
    assertThat(fresh.notes()).isEmpty();
  }

  @Test
  void the_file_is_readable_by_all_and_replaces_an_older_one() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(0, 0, 64, 48, 0, 0, null), 3, 8);
    Path out = dir.resolve("perm.png");
    Files.writeString(out, "old");
    ExportResult r = FlatExporter.export(doc, new GrayU16(64, 48), ExportFormat.PNG, out, OPTIONS);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
    assertThat(Files.size(out)).isEqualTo(r.bytes()).isGreaterThan(3);
    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(64);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void no_partial_file_remains_when_writing_fails() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(0, 0, 64, 48, 0, 0, null), 3, 8);
    GrayU16 mask = new GrayU16(64, 48);
    // The target is a folder that cannot be replaced: the file is fully written, then the move fails.
    Path blocked = Files.createDirectories(dir.resolve("blocked.tif"));
    Files.writeString(blocked.resolve("keep"), "x");
    assertThatThrownBy(() -> FlatExporter.export(doc, mask, ExportFormat.TIFF, blocked, OPTIONS)).isInstanceOf(IOException.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(blocked);
    }
    // The encoder fails after the temporary file exists: a profile too large for 255 APP2 segments.
    PsdDocument huge = ExportScenes.document(ExportScenes.input().createChild(0, 0, 64, 48, 0, 0, null), 3, 8);
    huge.setResource(new ImageResource(1039, "", new byte[256 * 65519]));
    assertThatThrownBy(() -> FlatExporter.export(huge, mask, ExportFormat.JPEG, dir.resolve("huge.jpg"), OPTIONS))
        .hasMessageContaining("too large for JPEG");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(blocked);
    }
    assertThatThrownBy(() -> FlatExporter.export(doc, mask, ExportFormat.PNG, dir.resolve("missing/x.png"), OPTIONS))
        .isInstanceOf(UserError.class).hasMessageContaining("folder does not exist");
    assertThatThrownBy(() -> FlatExporter.export(doc, new GrayU16(10, 10), ExportFormat.PNG, dir.resolve("x.png"), OPTIONS))
        .hasMessageContaining("does not match the document");
  }

  @Test
  void no_partial_file_remains_when_the_folder_is_not_writable() throws IOException {
    PsdDocument doc = ExportScenes.document(ExportScenes.input().createChild(0, 0, 64, 48, 0, 0, null), 3, 8);
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Meaningless for root, who may write anywhere.
      assumeThat(Files.isWritable(locked)).as("running as a user the permissions apply to").isFalse();
      assertThatThrownBy(() -> FlatExporter.export(doc, new GrayU16(64, 48), ExportFormat.JPEG, locked.resolve("x.jpg"), OPTIONS))
          .isInstanceOf(IOException.class);
      try (Stream<Path> files = Files.list(locked)) {
        assertThat(files).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void formats_parse_by_their_usual_names() {
    assertThat(List.of("png", "TIF", "tiff", "jpg", "JPEG").stream().map(ExportFormat::parse))
        .containsExactly(ExportFormat.PNG, ExportFormat.TIFF, ExportFormat.TIFF, ExportFormat.JPEG, ExportFormat.JPEG);
    assertThatThrownBy(() -> ExportFormat.parse("gif")).isInstanceOf(UserError.class).hasMessageContaining("gif");
  }
}
