// SPDX-License-Identifier: Apache-2.0
package loupe.models.testing;

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

/** Reads the shared dev scenes' PNGs into 16-bit storage (8-bit samples ×257). */
public final class TestPngs {
  private TestPngs() {}

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

  /** The first three bands (RGB) of an 8- or 16-bit PNG. */
  public static Planar readRgb(Path file) {
    Raster raster = read(file);
    return new Planar(band(raster, 0), band(raster, 1), band(raster, 2));
  }

  /** The first band of a PNG (masks, labels). */
  public static GrayU16 readGray(Path file) {
    return band(read(file), 0);
  }

  private static Raster read(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new IllegalArgumentException("not a readable image: " + file);
      }
      return image.getRaster();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GrayU16 band(Raster raster, int b) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int scale = raster.getSampleModel().getSampleSize(b) == 8 ? 257 : 1;
    GrayU16 plane = new GrayU16(w, h);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, b, row);
      for (int x = 0; x < w; x++) {
        plane.data[y * w + x] = (short) (row[x] * scale);
      }
    }
    return plane;
  }
}
