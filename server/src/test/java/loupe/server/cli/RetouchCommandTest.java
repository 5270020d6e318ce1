// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe retouch` end to end on the bundled example, checked by Loupe's reader and by TwelveMonkeys. */
class RetouchCommandTest {
  static final Path EXAMPLE = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
  static final Path CORPUS = Path.of(System.getProperty("loupe.shared"), "psd-corpus");

  @TempDir
  Path tmp;

  @Test
  void pro_recipe_on_the_example_keeps_the_jewelry_bit_exact_and_locks_it() throws Exception {
    Path report = tmp.resolve("report.json");
    CliRun run = CliRun.of("retouch", EXAMPLE.toString(), "--recipe", "pro", "--out", tmp.toString(), "--report",
        report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Path out = tmp.resolve("solitaire.loupe.psd");
    assertThat(run.out()).contains(out.toString()).contains("0 changed").contains("bit-exact");
    JsonNode row = new ObjectMapper().readTree(report.toFile()).path("files").path(0);
    assertThat(row.path("fidelity").path("changedPixels").asLong(-1)).isZero();
    assertThat(row.path("models").isArray()).as("the report names the models used (none: layer mask, classical fill)")
        .isTrue();
    assertThat(row.path("models")).isEmpty();

    PsdLayer before = jewelry(PsdReader.read(EXAMPLE));
    PsdDocument written = PsdReader.read(out);
    PsdLayer after = jewelry(written);
    assertThat(after.lockFlags() & PsdLayer.LOCK_ALL).isNotZero();
    assertThat(new int[] {after.top(), after.left(), after.bottom(), after.right()})
        .containsExactly(before.top(), before.left(), before.bottom(), before.right());
    for (PsdChannel c : before.channels()) {
      assertThat(after.channel(c.id()).decoded()).as("jewelry channel %d", c.id()).isEqualTo(c.decoded());
    }
    assertThat(written.layers().stream().map(PsdLayer::name)).anyMatch(n -> n.startsWith("Loupe background"));
    assertCompositeKeepsTheJewelry(PsdReader.read(EXAMPLE), written, before);
    assertThat(Files.readAllBytes(EXAMPLE)).as("input untouched").isEqualTo(Files.readAllBytes(EXAMPLE));
    assertTwelveMonkeysSeesTheSameJewelry(out, before);
    assertAgPsdSeesTheSameJewelryLocked(out, before);
  }

  /** ag-psd (Node, an independent reader) decodes the jewelry layer to the input's exact RGBA and sees its locks. */
  private static void assertAgPsdSeesTheSameJewelryLocked(Path file, PsdLayer jewelry) throws Exception {
    com.fasterxml.jackson.databind.JsonNode layer = null;
    for (com.fasterxml.jackson.databind.JsonNode l : AgPsd.read(file, "--pixels").get("layers")) {
      if (l.get("name").asText().equals("Jewelry")) {
        layer = l;
      }
    }
    assertThat(layer).as("ag-psd finds the Jewelry layer").isNotNull();
    assertThat(layer.at("/protected/composite").asBoolean() && layer.at("/protected/position").asBoolean()).isTrue();
    int n = jewelry.width() * jewelry.height();
    byte[] rgba = new byte[4 * n];
    for (int c = 0; c < 4; c++) {
      byte[] plane = jewelry.channel(c == 3 ? PsdChannel.TRANSPARENCY : c).decoded();
      for (int i = 0; i < n; i++) {
        rgba[4 * i + c] = plane[i];
      }
    }
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(rgba));
    assertThat(layer.get("rgbaSha256").asText()).as("ag-psd's decoded jewelry pixels").isEqualTo(expected);
  }

  /** A retoucher's Pen outline is the product when nothing else is said: not an estimate with a 32 px margin. */
  @Test
  void a_flat_document_with_a_clipping_path_is_protected_by_it_by_default() throws Exception {
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus", "imagemagick__clipping-path-from-jpeg-rle.psd");
    CliRun byDefault = CliRun.of("retouch", file.toString(), "--recipe", "pro", "--out", tmp.resolve("a").toString());
    CliRun byPath = CliRun.of("retouch", file.toString(), "--recipe", "pro", "--mask", "path", "--out",
        tmp.resolve("b").toString());
    assertThat(byDefault.exit()).as(byDefault.err()).isZero();
    assertThat(byPath.exit()).as(byPath.err()).isZero();
    assertThat(byDefault.out()).contains("product mask the clipping path 'Path 1': protected exactly as it selects");
    assertThat(fidelityLine(byDefault.out())).isEqualTo(fidelityLine(byPath.out())).startsWith("fidelity: 338,973 ");
  }

  /**
   * The clipping path of a flat copy traces the piece: on a shot with an automatic mask, the
   * estimate, not the protection with its 32 px margin (which held 157,000 background pixels more).
   */
  @Test
  void an_exported_clipping_path_traces_the_piece_not_its_safety_margin() throws Exception {
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");
    Path shot = Files.copy(scene.resolve("input.png"), tmp.resolve("dev01.png"));
    CliRun run = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", tmp.resolve("o").toString(),
        "--export", "tiff");
    assertThat(run.exit()).as(run.err()).isZero();
    long truth = selected(ImageIO.read(scene.resolve("truth_mask.png").toFile()).getRaster());
    long inPath = pixelsInside(tmp.resolve("o/dev01.loupe.tif"), 1600, 1200);
    assertThat((double) inPath / truth).as("path area / true jewelry area (%d / %d)", inPath, truth)
        .isBetween(0.9, 1.1);
    // That outline is an estimate without its margin: a job on the copy segments again, with the
    // margin, rather than protect the outline exactly (2,767 jewelry pixels of dev02 changed so).
    CliRun again = CliRun.of("retouch", tmp.resolve("o/dev01.loupe.tif").toString(), "--recipe", "pro", "--out",
        tmp.resolve("again").toString(), "--export", "tiff");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("protected by the auto mask").doesNotContain("clipping path 'Loupe product'")
        .as("its copy's outline is traced from this job's mask").doesNotContain("the document's own 'Loupe product'");
  }

  /**
   * A flat copy keeps the document's own clipping path, as drawn, rather than a trace of a mask;
   * and its IPTC record (copyright, usage terms), as Photoshop's image resource 1028.
   */
  @Test
  void an_export_keeps_the_documents_own_clipping_path() throws Exception {
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus", "imagemagick__clipping-path-from-jpeg-rle.psd");
    CliRun run = CliRun.of("retouch", file.toString(), "--recipe", "quick", "--mask", "auto", "--out", tmp.toString(),
        "--export", "tiff");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("clipping path: the document's own 'Path 1'");
    java.awt.geom.Rectangle2D own;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      own = com.twelvemonkeys.imageio.path.Paths.readPath(in).getBounds2D();
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(
        tmp.resolve("imagemagick__clipping-path-from-jpeg-rle.loupe.tif").toFile())) {
      assertThat(com.twelvemonkeys.imageio.path.Paths.readPath(in).getBounds2D()).isEqualTo(own);
    }
    byte[] iptc = PsdReader.read(file).resource(1028).data();
    byte[] tiff = Files.readAllBytes(tmp.resolve("imagemagick__clipping-path-from-jpeg-rle.loupe.tif"));
    assertThat(indexOf(tiff, iptc)).as("the IPTC record's %d bytes in the TIFF", iptc.length).isPositive();
  }

  /**
   * A clipping-path TIFF or JPEG, as retouching services deliver them, keeps its paths, clipping
   * path, IPTC, XMP and resolution in the PSD, and its clipping path protects the piece exactly.
   */
  @Test
  void a_flat_tiff_or_jpeg_keeps_its_paths_iptc_xmp_and_resolution() throws Exception {
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus", "imagemagick__clipping-path-from-jpeg-rle.psd");
    for (String format : new String[] {"tif", "jpg"}) {
      Path made = tmp.resolve("made-" + format);
      // A white background is generated: the copy's XMP declares it (IPTC digital source type).
      CliRun export = CliRun.of("retouch", file.toString(), "--recipe", "quick", "--background", "white", "--out",
          made.toString(), "--export", format);
      assertThat(export.exit()).as(export.err()).isZero();
      Path flat = Files.move(made.resolve("imagemagick__clipping-path-from-jpeg-rle.loupe." + format),
          tmp.resolve("delivered." + format));
      CliRun run = CliRun.of("retouch", flat.toString(), "--recipe", "pro", "--out", tmp.resolve("o-" + format).toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).as(format).contains("product mask the clipping path 'Path 1'");
      PsdDocument in = PsdReader.read(file);
      PsdDocument out = PsdReader.read(tmp.resolve("o-" + format + "/delivered.loupe.psd"));
      assertThat(out.clippingPathName()).as(format).isEqualTo("Path 1");
      assertThat(out.clippingPath().path().toResourceBytes()).isEqualTo(in.clippingPath().path().toResourceBytes());
      assertThat(out.resource(1028).data()).as(format + " IPTC").isEqualTo(in.resource(1028).data());
      assertThat(new String(out.resource(1060).data(), java.nio.charset.StandardCharsets.UTF_8)).as(format + " XMP")
          .contains("DigitalSourceType");
      assertThat(out.resolution().horizontalPpi()).as(format).isEqualTo(300.0);
    }
    // The same JPEG tagged to be turned upright: its path is drawn on the picture as stored and would
    // lie across the turned one, so it is not kept, nor taken for the product.
    Path turned = withOrientation(tmp.resolve("delivered.jpg"), tmp.resolve("turned.jpg"), 6);
    CliRun run = CliRun.of("retouch", turned.toString(), "--recipe", "pro", "--out", tmp.resolve("o-turned").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("protected by the auto mask");
    PsdDocument out = PsdReader.read(tmp.resolve("o-turned/turned.loupe.psd"));
    assertThat(out.clippingPath()).isNull();
    assertThat(out.width()).isEqualTo(PsdReader.read(file).height());
  }

  /** A copy of the JPEG with an Exif block holding only the Orientation tag, right after its SOI marker. */
  private static Path withOrientation(Path jpeg, Path out, int orientation) throws Exception {
    byte[] in = Files.readAllBytes(jpeg);
    java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(26).order(java.nio.ByteOrder.BIG_ENDIAN);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1) // header, first IFD at 8, one entry
        .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
        .putInt(0); // Orientation, SHORT, count 1, value; no next IFD
    byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int length = 2 + exif.length + tiff.capacity();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(in, 0, 2);
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    bytes.write(exif);
    bytes.write(tiff.array());
    bytes.write(in, 2, in.length - 2);
    return Files.write(out, bytes.toByteArray());
  }

  /** A PNG's XMP (an iTXt chunk: creator, rights, the IPTC source type) is kept in the PSD, as Photoshop keeps it. */
  @Test
  void a_flat_pngs_xmp_is_kept() throws Exception {
    CliRun export = CliRun.of("retouch", EXAMPLE.toString(), "--recipe", "quick", "--background", "white", "--out",
        tmp.resolve("made").toString(), "--export", "png");
    assertThat(export.exit()).as(export.err()).isZero();
    Path png = Files.move(tmp.resolve("made/solitaire.loupe.png"), tmp.resolve("delivered.png"));
    CliRun run = CliRun.of("retouch", png.toString(), "--recipe", "pro", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    loupe.psd.ImageResource xmp = PsdReader.read(tmp.resolve("o/delivered.loupe.psd")).resource(1060);
    assertThat(xmp).as("XMP resource").isNotNull();
    assertThat(new String(xmp.data(), java.nio.charset.StandardCharsets.UTF_8)).contains("DigitalSourceType");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /** A 300 ppi shot stays 300 ppi: the print size a retoucher delivers depends on it. */
  @Test
  void a_flat_shots_resolution_is_kept_in_the_psd() throws Exception {
    Path shot = withPhys(Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png"),
        tmp.resolve("dev01.png"), 11811); // pixels per metre: 300 ppi
    CliRun run = CliRun.of("retouch", shot.toString(), "--recipe", "quick", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    loupe.psd.Resolution res = PsdReader.read(tmp.resolve("o/dev01.loupe.psd")).resolution();
    assertThat(res).as("resolution resource").isNotNull();
    assertThat(res.horizontalPpi()).isEqualTo(300.0);
    assertThat(res.verticalPpi()).isEqualTo(300.0);

    // A density no resolution resource can hold (50.8 million ppi) is not written as a garbled one.
    Path absurd = withPhys(Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png"),
        tmp.resolve("absurd.png"), 2_000_000_000);
    CliRun other = CliRun.of("retouch", absurd.toString(), "--recipe", "quick", "--out", tmp.resolve("o").toString());
    assertThat(other.exit()).as(other.err()).isZero();
    assertThat(PsdReader.read(tmp.resolve("o/absurd.loupe.psd")).resolution()).isNull();
  }

  /** A copy of the PNG with a pHYs chunk (square pixels, per metre) after its header chunk. */
  private static Path withPhys(Path png, Path out, int perMetre) throws Exception {
    byte[] in = Files.readAllBytes(png);
    java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(21);
    chunk.putInt(9).put("pHYs".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(perMetre).putInt(perMetre)
        .put((byte) 1);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(chunk.array(), 4, 13);
    int afterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(in, 0, afterHeader);
    bytes.write(chunk.array(), 0, 17);
    bytes.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    bytes.write(in, afterHeader, in.length - afterHeader);
    return Files.write(out, bytes.toByteArray());
  }

  /** Pixels whose centre the file's clipping path (in fractions of the frame, as TwelveMonkeys reads it) contains. */
  private static long pixelsInside(Path image, int width, int height) throws Exception {
    java.awt.Shape path;
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      path = com.twelvemonkeys.imageio.path.Paths.readPath(in);
    }
    long inside = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        inside += path.contains((x + 0.5) / width, (y + 0.5) / height) ? 1 : 0;
      }
    }
    return inside;
  }

  private static long selected(Raster mask) {
    long n = 0;
    for (int y = 0; y < mask.getHeight(); y++) {
      for (int x = 0; x < mask.getWidth(); x++) {
        n += mask.getSample(x, y, 0) >= 128 ? 1 : 0;
      }
    }
    return n;
  }

  private static String fidelityLine(String out) {
    return out.lines().map(String::strip).filter(l -> l.startsWith("fidelity:")).findFirst().orElse("none");
  }

  @Test
  void export_writes_a_flat_jpeg_that_carries_the_product_outline_as_its_clipping_path() throws Exception {
    CliRun run = CliRun.of("retouch", EXAMPLE.toString(), "--recipe", "quick", "--out", tmp.toString(), "--export", "jpg");
    assertThat(run.exit()).as(run.err()).isZero();
    Path jpeg = tmp.resolve("solitaire.loupe.jpg");
    assertThat(run.out()).contains(jpeg.toString());
    try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
      assertThat(com.twelvemonkeys.imageio.path.Paths.readPath(in)).as("clipping path").isNotNull();
    }
    assertThat(ImageIO.read(jpeg.toFile()).getWidth()).isEqualTo(520);
  }

  @Test
  void a_missing_file_is_one_line_and_writes_nothing() {
    CliRun run = CliRun.of("retouch", tmp.resolve("nope.psd").toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err().strip()).startsWith("loupe: ").contains("nope.psd").doesNotContain("\n\tat ")
        .doesNotContain("internal error");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void a_file_that_is_not_an_image_is_one_line_and_writes_nothing() throws Exception {
    Path junk = Files.writeString(tmp.resolve("notes.psd"), "definitely not a PSD");
    CliRun run = CliRun.of("retouch", junk.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(run.err()).contains("notes.psd").doesNotContain("internal error").doesNotContain("Exception");
    assertNoOutput(tmp.resolve("o"));
  }

  @Test
  void a_truncated_psd_names_the_section_and_offset_and_writes_nothing() throws Exception {
    byte[] bytes = Files.readAllBytes(EXAMPLE);
    Path cut = Files.write(tmp.resolve("cut.psd"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
    CliRun run = CliRun.of("retouch", cut.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(run.err()).contains("cut.psd").contains("offset").doesNotContain("internal error")
        .doesNotContain("Exception");
    assertNoOutput(tmp.resolve("o"));
  }

  @Test
  void an_unknown_inpainter_is_one_line_naming_the_choices() {
    CliRun run = CliRun.of("retouch", EXAMPLE.toString(), "--inpainter", "magic", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("magic").contains("classical").contains("lama").contains("migan");
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void heal_and_props_name_what_the_document_lacks_in_one_line() {
    CliRun heal = CliRun.of("retouch", EXAMPLE.toString(), "--recipe", "editorial", "--heal", "channel:Scratch",
        "--out", tmp.resolve("o").toString());
    assertThat(heal.exit()).isNotZero();
    assertThat(heal.err()).contains("heal channel:Scratch: the document has no saved alpha channels");
    assertThat(heal.err().strip().lines().count()).isEqualTo(1);
    CliRun props = CliRun.of("retouch", EXAMPLE.toString(), "--props", "layer:Stand", "--out",
        tmp.resolve("o").toString());
    assertThat(props.exit()).isNotZero();
    assertThat(props.err()).contains("props 'layer:Stand': use channel:NAME").contains("path:NAME");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void an_unknown_recipe_is_one_line_naming_the_choices() {
    CliRun run = CliRun.of("retouch", EXAMPLE.toString(), "--recipe", "magic", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("magic").contains("quick").contains("pro").contains("editorial");
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void two_inputs_that_would_write_one_output_are_refused_before_any_work() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("shots"));
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ImageIO.write(image, "jpg", folder.resolve("ring.jpg").toFile());
    ImageIO.write(image, "png", folder.resolve("ring.png").toFile());
    CliRun run = CliRun.of("retouch", folder.toString(), "--force", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    assertThat(run.err()).contains("ring.jpg").contains("ring.png").contains("ring.loupe.psd")
        .doesNotContain("internal error");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void an_output_that_is_also_an_input_is_refused_and_no_input_changes() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("shots"));
    Path ring = Files.copy(EXAMPLE, folder.resolve("ring.psd"));
    Path other = Files.copy(CORPUS.resolve("agpsd__jewelry-rgb8-rle.psd"), folder.resolve("Ring.loupe.psd"));
    byte[] before = Files.readAllBytes(other);
    CliRun run = CliRun.of("retouch", ring.toString(), other.toString(), "--force", "--out", folder.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("loupe: " + ring + " would be written to " + folder.resolve("ring.loupe.psd")
        + ", which is also an input of this run (" + other + "); inputs are never overwritten: write to another --out folder");
    assertThat(Files.readAllBytes(other)).isEqualTo(before);
    assertThat(Files.readAllBytes(ring)).isEqualTo(Files.readAllBytes(EXAMPLE));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void two_inputs_whose_flat_copies_share_a_name_are_refused_before_any_work() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("shots"));
    Files.copy(EXAMPLE, folder.resolve("ring.psd"));
    Files.copy(CORPUS.resolve("twelvemonkeys__flat-rgb8.psb"), folder.resolve("ring.psb"));
    CliRun run = CliRun.of("retouch", folder.toString(), "--export", "png", "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("ring.psb").contains("ring.psd")
        .contains("would both be written to " + tmp.resolve("o").resolve("ring.loupe.png"));
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void a_folder_where_the_output_goes_is_refused_before_any_work() throws Exception {
    Path taken = Files.createDirectories(tmp.resolve("o").resolve("solitaire.loupe.psd"));
    for (String force : new String[] {"--force", "--jobs=1"}) {
      CliRun run = CliRun.of("retouch", EXAMPLE.toString(), force, "--out", tmp.resolve("o").toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("loupe: " + taken + " (where " + EXAMPLE
          + " is written) is a folder; move it or choose another --out");
    }
    try (Stream<Path> files = Files.list(tmp.resolve("o"))) {
      assertThat(files).containsExactly(taken);
    }
  }

  @Test
  void a_single_file_that_fails_is_still_in_the_report() throws Exception {
    byte[] bytes = Files.readAllBytes(EXAMPLE);
    Path cut = Files.write(tmp.resolve("cut.psd"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Path report = Files.writeString(tmp.resolve("report.json"), "{\"files\": [{\"status\": \"done\"}]}");
    CliRun run = CliRun.of("retouch", cut.toString(), "--report", report.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).isEqualTo(2);
    JsonNode files = new ObjectMapper().readTree(report.toFile()).get("files");
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("input").asText()).isEqualTo(cut.toString());
    assertThat(files.get(0).get("status").asText()).isEqualTo("failed");
    assertThat(files.get(0).get("error").asText()).contains("cut.psd").contains("offset");
  }

  /** The PSD is written and verified before its flat copy fails: the report says both, for a single file too. */
  @Test
  void a_flat_copy_that_cannot_be_made_is_reported_beside_the_written_psd() throws Exception {
    PsdDocument doc = PsdReader.read(EXAMPLE);
    PsdLayer speck = PsdLayer.newPixelLayer("Dissolve speck", 0, 0, 2, 2, 8,
        new byte[][] {new byte[4], new byte[4], new byte[4]}, null);
    speck.setBlendMode("diss");
    doc.addLayer(doc.layers().size(), speck);
    Path input = tmp.resolve("speck.psd");
    PsdWriter.write(doc, input);
    Path report = tmp.resolve("report.json");
    CliRun run = CliRun.of("retouch", input.toString(), "--protect", "Jewelry", "--export", "png", "--report",
        report.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.exit()).as(run.err()).isNotZero();
    JsonNode row = new ObjectMapper().readTree(report.toFile()).get("files").get(0);
    Path psd = tmp.resolve("o").resolve("speck.loupe.psd");
    assertThat(row.get("status").asText()).isEqualTo("failed");
    assertThat(row.get("output").asText()).isEqualTo(psd.toString());
    assertThat(row.at("/fidelity/verdict").asText()).isEqualTo("bit-exact");
    assertThat(row.get("exportStatus").asText()).isEqualTo("failed");
    assertThat(row.get("error").asText()).contains("could not flatten");
    assertThat(psd).exists();
  }

  private static void assertNoOutput(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
  }

  /** The file's own composite (what viewers and exports use) equals the input's wherever the jewelry is opaque. */
  private static void assertCompositeKeepsTheJewelry(PsdDocument in, PsdDocument out, PsdLayer jewelry) {
    byte[] alpha = jewelry.channel(PsdChannel.TRANSPARENCY).decoded();
    int protectedPixels = 0;
    for (int c = 0; c < 3; c++) {
      byte[] a = in.composite().get(c).decoded();
      byte[] b = out.composite().get(c).decoded();
      for (int y = 0; y < jewelry.height(); y++) {
        for (int x = 0; x < jewelry.width(); x++) {
          if ((alpha[y * jewelry.width() + x] & 0xFF) == 255) {
            int i = (y + jewelry.top()) * in.width() + x + jewelry.left();
            assertThat(b[i]).as("composite band %d at (%d,%d)", c, x + jewelry.left(), y + jewelry.top()).isEqualTo(a[i]);
            protectedPixels++;
          }
        }
      }
    }
    assertThat(protectedPixels).isGreaterThan(10_000);
    assertThat(out.composite().get(1).decoded()).as("the composite was recomputed: the background changed")
        .isNotEqualTo(in.composite().get(1).decoded());
  }

  static PsdLayer jewelry(PsdDocument doc) {
    return doc.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
  }

  /** TwelveMonkeys (an independent reader) must find a layer with exactly the jewelry's pixels. */
  private static void assertTwelveMonkeysSeesTheSameJewelry(Path file, PsdLayer jewelry) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      boolean found = false;
      for (int i = 1; i < reader.getNumImages(true) && !found; i++) {
        if (reader.getWidth(i) == jewelry.width() && reader.getHeight(i) == jewelry.height()) {
          found = samePixels(reader.read(i).getRaster(), jewelry);
        }
      }
      reader.dispose();
      assertThat(found).as("TwelveMonkeys reads a layer identical to the jewelry layer").isTrue();
    }
  }

  private static boolean samePixels(Raster r, PsdLayer jewelry) {
    byte[][] channels = new byte[4][];
    for (int c = 0; c < 3; c++) {
      channels[c] = jewelry.channel(c).decoded();
    }
    channels[3] = jewelry.channel(PsdChannel.TRANSPARENCY).decoded();
    int w = jewelry.width();
    for (int y = 0; y < jewelry.height(); y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 4 && c < r.getNumBands(); c++) {
          if (r.getSample(x, y, c) != (channels[c][y * w + x] & 0xFF)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * A layer clipped to another keeps Photoshop's own composite in the file; the terminal says so,
   * since viewers that read no layers then show the picture without the retouch.
   */
  @Test
  void a_kept_composite_is_said_on_the_terminal() throws Exception {
    Path file = MaskFiles.CORPUS.resolve("twelvemonkeys__adobehq-layers-masks-paths.psd");
    CliRun run = CliRun.of("retouch", file.toString(), "--recipe", "quick", "--protect", "Adobe sign", "--out",
        tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("note: the file's flat composite is the picture as shot (").contains("clipped")
        .contains("viewers that do not read layers show it without Loupe's layers");
  }
}
