// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import loupe.bench.quality.Regions;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.server.retouch.FlatImageReader;

/**
 * One scene of a benchmark folder ({@code ../shared/benchmark/dev} layout): the shot as delivered
 * and its ground truth.
 *
 * @param name the folder's name
 * @param dir the folder
 * @param input {@code input.png}, 8-bit RGB in 16-bit storage (×257)
 * @param clean {@code truth_clean.png}, 16-bit RGB: the background without props, dust, hair,
 *     vignetting or noise
 * @param mask {@code truth_mask.png} in storage units: 65535 = fully jewelry
 * @param defects {@code truth_defects.png} as raw labels (not ×257): 0 none, 1 dust, 2 hair, 3 prop,
 *     4 prop shadow
 * @param inputFile a PNG holding {@code input}: the scene's own, or one {@link #withInputFile} wrote
 *     (a crop's, an upscale's); null until then for an upscale
 * @param depth the depth {@code input} stands for: 8-bit as delivered, or 16-bit for an upscale
 *     whose interpolated values are kept
 */
public record Scene(String name, Path dir, Planar input, Planar clean, GrayU16 mask, GrayU16 defects, Path inputFile,
    BitDepth depth) {
  public static final String[] FILES = {"input.png", "truth_clean.png", "truth_mask.png", "truth_defects.png"};
  private static final long MAX_PIXELS = 400_000_000L;

  public int width() {
    return input.width;
  }

  public int height() {
    return input.height;
  }

  /** "W×H 8-bit" for the table. */
  public String size() {
    return width() + "×" + height() + (depth == BitDepth.EIGHT ? " 8-bit" : " 16-bit");
  }

  /** A result as a document of this scene's depth stores it. @param image Not modified */
  public Planar stored(Planar image) {
    if (depth == BitDepth.SIXTEEN) {
      return image;
    }
    Planar out = image.copy();
    for (GrayU16 band : out.bands) {
      BitDepth.EIGHT.quantize(band);
    }
    return out;
  }

  /**
   * The scene blown up bilinearly to a long side of {@code longSide} (labels by nearest neighbour),
   * for the size-bound workloads; at 8 bits the input is rounded to 8-bit values again.
   */
  public Scene upscaled(int longSide, BitDepth to) {
    double scale = (double) longSide / Math.max(width(), height());
    int w = (int) Math.round(width() * scale);
    int h = (int) Math.round(height() * scale);
    Planar in = Resample.bilinear(input, w, h);
    Scene big = new Scene(String.format("%s ×%.2f", name, scale), dir, in, Resample.bilinear(clean, w, h),
        Resample.bilinear(mask, w, h), Resample.nearest(defects, w, h), null, to);
    return to == BitDepth.EIGHT ? new Scene(big.name, dir, big.stored(in), big.clean, big.mask, big.defects, null, to)
        : big;
  }

  /** Loads a scene folder; names the missing file or the size that does not match. */
  public static Scene load(Path dir) throws IOException {
    requireFiles(dir);
    Planar input = FlatImageReader.read(dir.resolve(FILES[0]), MAX_PIXELS).color();
    Planar clean = FlatImageReader.read(dir.resolve(FILES[1]), MAX_PIXELS).color();
    GrayU16 mask = FlatImageReader.read(dir.resolve(FILES[2]), MAX_PIXELS).color().bands[0];
    GrayU16 labels = FlatImageReader.read(dir.resolve(FILES[3]), MAX_PIXELS).color().bands[0];
    for (Object[] part : new Object[][] {{FILES[1], clean.width, clean.height}, {FILES[2], mask.width, mask.height},
        {FILES[3], labels.width, labels.height}}) {
      if ((int) part[1] != input.width || (int) part[2] != input.height) {
        throw new IOException(dir.resolve((String) part[0]) + ": " + part[1] + "×" + part[2] + ", but input.png is "
            + input.width + "×" + input.height);
      }
    }
    if (input.numBands() != 3 || clean.numBands() != 3) {
      throw new IOException(dir + ": input.png and truth_clean.png must be RGB");
    }
    GrayU16 defects = new GrayU16(labels.width, labels.height);
    for (int i = 0; i < defects.data.length; i++) {
      defects.data[i] = (short) ((labels.data[i] & 0xFFFF) / 257);
    }
    return new Scene(dir.getFileName().toString(), dir, input, clean, mask, defects, dir.resolve(FILES[0]),
        BitDepth.EIGHT);
  }

  /**
   * A {@code width}×{@code height} crop centred on the jewelry's bounding box (clamped to the
   * frame), its input written as an 8-bit PNG into {@code folder} (reused when present).
   */
  public Scene cropAroundJewelry(int width, int height, Path folder) throws IOException {
    Rect box = MaskOps.support(mask);
    int cx = box.isEmpty() ? width() / 2 : (box.left() + box.right()) / 2;
    int cy = box.isEmpty() ? height() / 2 : (box.top() + box.bottom()) / 2;
    int w = Math.min(width, width());
    int h = Math.min(height, height());
    int x0 = Math.max(0, Math.min(width() - w, cx - w / 2));
    int y0 = Math.max(0, Math.min(height() - h, cy - h / 2));
    Planar in = input.subimage(x0, y0, x0 + w, y0 + h).copy();
    return new Scene(name + " crop", dir, in, clean.subimage(x0, y0, x0 + w, y0 + h).copy(),
        mask.subimage(x0, y0, x0 + w, y0 + h).copy(), defects.subimage(x0, y0, x0 + w, y0 + h).copy(), null, depth)
        .withInputFile(folder);
  }

  /** This scene with its input written as an 8-bit PNG into {@code folder} (reused when present). */
  public Scene withInputFile(Path folder) throws IOException {
    Path file = folder.resolve(dir.getFileName() + "-" + width() + "x" + height() + ".png");
    if (!Files.isRegularFile(file)) {
      writePng8(input, file);
    }
    return new Scene(name, dir, input, clean, mask, defects, file, depth);
  }

  private static void writePng8(Planar rgb, Path file) throws IOException {
    BufferedImage img = new BufferedImage(rgb.width, rgb.height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rgb.height; y++) {
      for (int x = 0; x < rgb.width; x++) {
        int r = BitDepth.EIGHT.fromStorage(rgb.bands[0].get(x, y));
        int g = BitDepth.EIGHT.fromStorage(rgb.bands[1].get(x, y));
        int b = BitDepth.EIGHT.fromStorage(rgb.bands[2].get(x, y));
        img.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    Path tmp = Files.createTempFile(file.getParent(), "input-", ".png");
    if (!ImageIO.write(img, "png", tmp.toFile())) {
      throw new IOException("no PNG writer");
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void requireFiles(Path dir) throws IOException {
    for (String f : FILES) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IOException(dir + ": scene has no " + f + " (a scene folder holds " + String.join(", ", FILES) + ")");
      }
    }
  }

  /**
   * The scene folders under {@code root} (those holding an input.png), sorted by name; one that lacks a
   * truth file is refused here, before every workload on it would fail in its own JVM.
   */
  public static List<Path> list(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + ": no such scenes folder (pass --scenes DIR)");
    }
    List<Path> scenes = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(p -> Files.isRegularFile(p.resolve(FILES[0]))).sorted().forEach(scenes::add);
    }
    if (scenes.isEmpty()) {
      throw new IOException(root + ": no scene folders (each holds " + String.join(", ", FILES) + ")");
    }
    for (Path scene : scenes) {
      requireFiles(scene);
    }
    return scenes;
  }
}
