// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static loupe.server.cli.MaskFiles.readPng16;
import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.path.AdobePathReader;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import loupe.engine.image.GrayU16;
import loupe.psd.ImageResource;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.psd.SavedPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `loupe mask --source path[:NAME]` on every corpus file with saved paths (manifest.json lists them),
 * against the path's geometry as an independent reader gives it: TwelveMonkeys' {@code
 * AdobePathReader} parses the resource into a {@code Path2D}, and {@code java.awt.geom.Area}
 * measures its filled area and bounds. The written mask's coverage must have that area and those
 * bounds.
 */
class MaskPathGeometryTest {
  @TempDir
  Path tmp;

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("twelvemonkeys__adobehq-layers-masks-paths.psd", "Adobe"),
        Arguments.of("twelvemonkeys__adobehq-layers-masks-paths.psd", "sky"),
        Arguments.of("twelvemonkeys__adobehq-v2.5-path.psd", "Path 1"),
        Arguments.of("imagemagick__clipping-path-from-jpeg-rle.psd", "Path 1"),
        Arguments.of("imagemagick__clipping-path-2-subpaths-zip.psd", "Path 1"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("paths")
  void written_mask_has_the_area_and_bounds_of_the_path(String file, String name) throws Exception {
    Path psd = CORPUS.resolve(file);
    CliRun run = CliRun.of("mask", psd.toString(), "--source", "path:" + name, "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    GrayU16 mask = readPng16(tmp.resolve(file.replace(".psd", ".mask.png")));
    PsdDocument doc = PsdReader.read(psd);
    SavedPath saved = doc.paths().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    Area shape = shape(doc.resource(saved.id()).data(), doc.width(), doc.height());

    double expected = area(shape);
    double covered = 0;
    int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        int v = mask.get(x, y);
        if (v != 0) {
          covered += v / 65535.0;
          left = Math.min(left, x);
          top = Math.min(top, y);
          right = Math.max(right, x + 1);
          bottom = Math.max(bottom, y + 1);
        }
      }
    }
    System.out.printf("%s '%s': mask area %.2f px, path area %.2f px%n", file, name, covered, expected);
    // Anti-aliased coverage sums to the area up to rounding of each edge pixel to 16 bits.
    assertThat(covered).as("area").isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(1.0, expected * 1e-4)));
    Rectangle2D b = shape.getBounds2D();
    // Pixels a curve touches only within 1/65535 of their coverage round to 0, so allow one pixel.
    assertThat(left).as("left").isBetween((int) Math.floor(b.getMinX()), (int) Math.floor(b.getMinX()) + 1);
    assertThat(top).as("top").isBetween((int) Math.floor(b.getMinY()), (int) Math.floor(b.getMinY()) + 1);
    assertThat(right).as("right").isBetween((int) Math.ceil(b.getMaxX()) - 1, (int) Math.ceil(b.getMaxX()));
    assertThat(bottom).as("bottom").isBetween((int) Math.ceil(b.getMaxY()) - 1, (int) Math.ceil(b.getMaxY()));
  }

  /**
   * The default path is the one resource 2999 names, not the first saved path: the two-path corpus
   * file gets a 2999 naming its second path, "sky".
   */
  @Test
  void clipping_path_named_by_2999_is_the_default_even_when_it_is_not_the_first() throws Exception {
    PsdDocument doc = PsdReader.read(CORPUS.resolve("twelvemonkeys__adobehq-layers-masks-paths.psd"));
    assertThat(doc.clippingPathName()).isNull();
    assertThat(doc.paths().get(0).name()).isEqualTo("Adobe");
    byte[] name = "sky".getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[1 + name.length + 2];
    data[0] = (byte) name.length;
    System.arraycopy(name, 0, data, 1, name.length);
    data[1 + name.length] = 1; // flatness 1.0 (8.8 fixed), as Photoshop writes it
    doc.setResource(new ImageResource(2999, "", data));
    Path clipped = tmp.resolve("clipped.psd");
    PsdWriter.write(doc, clipped);
    assertThat(PsdReader.read(clipped).clippingPathName()).isEqualTo("sky");

    for (String source : new String[] {"path", "path:sky", "path:Adobe"}) {
      CliRun run = CliRun.of("mask", clipped.toString(), "--source", source, "--out", tmp.resolve(source.replace(':', '-')).toString());
      assertThat(run.exit()).as(run.err()).isZero();
    }
    GrayU16 byDefault = readPng16(tmp.resolve("path/clipped.mask.png"));
    assertThat(byDefault.sameSamples(readPng16(tmp.resolve("path-sky/clipped.mask.png")))).isTrue();
    assertThat(byDefault.sameSamples(readPng16(tmp.resolve("path-Adobe/clipped.mask.png")))).isFalse();
  }

  /**
   * A clipping-path TIFF or JPEG, as retouching services deliver them: `mask` takes its clipping path
   * by default, as `retouch` does, reads its paths by name, and its PSD copy keeps the paths and the
   * resolution. It took the automatic mask and refused `path` ("masks need a PSD"), and the copy had
   * neither paths nor resolution (a reviewer's probe).
   */
  @Test
  void a_flat_tiff_or_jpeg_gives_its_clipping_path_as_retouch_does() throws Exception {
    Path psd = CORPUS.resolve("imagemagick__clipping-path-from-jpeg-rle.psd");
    CliRun fromPsd = CliRun.of("mask", psd.toString(), "--source", "path", "--out", tmp.resolve("psd.png").toString());
    assertThat(fromPsd.exit()).as(fromPsd.err()).isZero();
    GrayU16 drawn = readPng16(tmp.resolve("psd.png"));
    for (String format : new String[] {"tif", "jpg"}) {
      Path made = tmp.resolve("made-" + format);
      CliRun export = CliRun.of("retouch", psd.toString(), "--recipe", "quick", "--out", made.toString(), "--export",
          format);
      assertThat(export.exit()).as(export.err()).isZero();
      Path flat = java.nio.file.Files.move(made.resolve("imagemagick__clipping-path-from-jpeg-rle.loupe." + format),
          tmp.resolve("delivered." + format));

      CliRun byDefault = CliRun.of("mask", flat.toString(), "--out", tmp.resolve(format + ".png").toString());
      assertThat(byDefault.exit()).as(byDefault.err()).isZero();
      assertThat(byDefault.out()).as(format).contains("product mask (path)");
      assertThat(readPng16(tmp.resolve(format + ".png")).sameSamples(drawn)).as(format).isTrue();

      Path copy = tmp.resolve(format + "-copy.psd");
      CliRun named = CliRun.of("mask", flat.toString(), "--source", "path:Path 1", "--out", copy.toString());
      assertThat(named.exit()).as(named.err()).isZero();
      PsdDocument doc = PsdReader.read(copy);
      assertThat(doc.clippingPathName()).as(format).isEqualTo("Path 1");
      assertThat(doc.resolution().horizontalPpi()).as(format).isEqualTo(300.0);
    }
  }

  /** The path in document pixels, filled by the reader's own rule, within the canvas (a path may run off it). */
  private static Area shape(byte[] resource, int width, int height) throws Exception {
    java.awt.geom.Path2D unit = new AdobePathReader(resource).readPath();
    Area area = new Area(AffineTransform.getScaleInstance(width, height).createTransformedShape(unit));
    area.intersect(new Area(new Rectangle2D.Double(0, 0, width, height)));
    return area;
  }

  /** Shoelace over the area's outlines, flattened finely; holes run the other way and subtract. */
  private static double area(Area a) {
    double sum = 0;
    double[] c = new double[6];
    double startX = 0, startY = 0, lastX = 0, lastY = 0;
    for (PathIterator it = a.getPathIterator(null, 1e-4); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> {
          startX = lastX = c[0];
          startY = lastY = c[1];
        }
        case PathIterator.SEG_LINETO -> {
          sum += lastX * c[1] - c[0] * lastY;
          lastX = c[0];
          lastY = c[1];
        }
        case PathIterator.SEG_CLOSE -> {
          sum += lastX * startY - startX * lastY;
          lastX = startX;
          lastY = startY;
        }
        default -> throw new IllegalStateException("flattened iterator returned a curve");
      }
    }
    return Math.abs(sum) / 2;
  }
}
