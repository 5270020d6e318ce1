// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** Reads test images (8- or 16-bit PNGs) into 16-bit storage, and finds the shared test data. */
public final class TestImages {
  private TestImages() {}

  /** The read-only ../shared folder (surefire sets loupe.shared). */
  public static Path shared() {
    return Path.of(System.getProperty("loupe.shared", "../shared")).normalize();
  }

  /** Every scene folder of ../shared/benchmark/dev, sorted by name. */
  public static List<Path> devScenes() {
    try (Stream<Path> dirs = Files.list(shared().resolve("benchmark/dev"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one dev scene whose folder name contains {@code part} (e.g. "chain"). */
  public static Path devScene(String part) {
    List<Path> matches = devScenes().stream().filter(d -> d.getFileName().toString().contains(part)).toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException("expected one dev scene named *" + part + "*, found " + matches);
    }
    return matches.get(0);
  }

  /** All bands of a PNG (alpha included when present), 8-bit samples stored ×257. */
  public static Planar readPng(Path file) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (image == null) {
      throw new IllegalArgumentException("not a readable image: " + file);
    }
    Raster raster = image.getRaster();
    int w = raster.getWidth();
    int h = raster.getHeight();
    int bands = raster.getNumBands();
    GrayU16[] planes = new GrayU16[bands];
    int[] row = new int[w];
    for (int b = 0; b < bands; b++) {
      int bits = raster.getSampleModel().getSampleSize(b);
      int scale = bits == 8 ? 257 : 1;
      GrayU16 plane = new GrayU16(w, h);
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, b, row);
        for (int x = 0; x < w; x++) {
          plane.data[y * w + x] = (short) (row[x] * scale);
        }
      }
      planes[b] = plane;
    }
    return new Planar(planes);
  }

  /** The first band of a PNG (for gray masks and label images), 8-bit stored ×257. */
  public static GrayU16 readGray(Path file) {
    return readPng(file).band(0);
  }

  /** The RGB bands of a PNG (alpha dropped). */
  public static Planar readRgb(Path file) {
    Planar all = readPng(file);
    return new Planar(all.band(0), all.band(1), all.band(2));
  }
}
