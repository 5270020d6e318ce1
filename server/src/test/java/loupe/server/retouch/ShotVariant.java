// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;

/**
 * A dev scene shot differently, to test the automatic protection beyond the three scenes it was
 * measured on: the background (sweep, prop, shadows, dust) re-lit by a gain per channel — a
 * darker, whiter or tinted sweep — then the frame flipped or turned and cropped. Fully jewelry
 * pixels keep the shot's values (as the renderer guarantees) unless noise is added; an edge pixel's
 * background share is re-lit with the rest: with alpha a and the render's jewelry colour P,
 * I' = g·I − a·P·(g − 1).
 *
 * @param name for messages
 * @param gain per channel, on the background
 * @param turn 0..7: bit 0 mirrors left-right, bit 1 flips top-bottom, bit 2 transposes (portrait),
 *     applied to the source in that order
 * @param crop left, top, width, height in the turned frame
 * @param noise σ in 8-bit levels of extra Gaussian noise on every pixel (a higher ISO), 0 for none;
 *     seeded, so a variant is the same shot on every run
 * @param scale the frame resampled this many times larger (bilinear), 1 for none: a larger file of
 *     the same shot, softer than a sharper sensor would give; fully jewelry only where every source
 *     pixel it mixes is
 * @param jpegQuality 0 for none, else the shot saved as a JPEG of this quality (0..1, the JDK's
 *     encoder: 4:2:0 chroma, as cameras and most tools write it) and read back as Loupe reads a
 *     flat file; the truth mask still marks what the piece covers
 */
record ShotVariant(String name, String scene, double[] gain, int turn, int[] crop, double noise, double scale,
    double jpegQuality) {
  /**
   * The shot (8-bit samples, stored ×257), its truth mask (65535 = fully jewelry: what the
   * protection must cover) and the share of each pixel the piece covers (what a selection is scored
   * against). They differ only in a larger file: a resampled edge pixel is not fully jewelry, but it
   * is partly (scored against the fully jewelry pixels alone, the pendant ×1.5 measured IoU 0.68
   * instead of 0.79).
   */
  record Shot(Planar image, GrayU16 truth, GrayU16 coverage) {}

  /** A variant saved without compression. */
  ShotVariant(String name, String scene, double[] gain, int turn, int[] crop, double noise, double scale) {
    this(name, scene, gain, turn, crop, noise, scale, 0);
  }

  Shot render() {
    Shot shot = rendered();
    return jpegQuality == 0 ? shot : new Shot(compressed(shot.image(), (float) jpegQuality), shot.truth(),
        shot.coverage());
  }

  private Shot rendered() {
    Path dir = TestImages.devScene(scene);
    Planar input = TestImages.readRgb(dir.resolve("input.png"));
    Planar product = TestImages.readPng(dir.resolve("truth_product.png"));
    GrayU16 alpha = TestImages.readGray(dir.resolve("truth_mask.png"));
    int w = crop[2];
    int h = crop[3];
    Planar out = Planar.create(3, w, h);
    GrayU16 truth = new GrayU16(w, h);
    SplittableRandom random = new SplittableRandom(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int u = x + crop[0];
        int v = y + crop[1];
        int sx = (turn & 4) != 0 ? v : u;
        int sy = (turn & 4) != 0 ? u : v;
        sx = (turn & 1) != 0 ? input.width - 1 - sx : sx;
        sy = (turn & 2) != 0 ? input.height - 1 - sy : sy;
        int a = alpha.get(sx, sy);
        truth.set(x, y, a);
        for (int c = 0; c < 3; c++) {
          int seen = input.bands[c].get(sx, sy) / 257;
          double value = seen;
          if (a != 65535) {
            double jewel = a / 65535.0 * product.bands[c].get(sx, sy) / 257.0;
            value = seen * gain[c] - jewel * (gain[c] - 1);
          }
          value += noise == 0 ? 0 : noise * gaussian(random);
          out.bands[c].set(x, y, (int) Math.max(0, Math.min(255, Math.round(value))) * 257);
        }
      }
    }
    if (scale == 1) {
      return new Shot(out, truth, truth);
    }
    Planar larger = Planar.create(3, (int) Math.round(w * scale), (int) Math.round(h * scale));
    for (int c = 0; c < 3; c++) {
      larger.bands[c] = resampled(out.bands[c], scale, false);
    }
    return new Shot(larger, resampled(truth, scale, true), resampled(truth, scale, false));
  }

  /**
   * Bilinear, pixel centres aligned; 8-bit values stay 8-bit (×257). With {@code fullOnly}, 65535
   * where every source pixel with a weight is 65535, else 0.
   */
  private static GrayU16 resampled(GrayU16 src, double scale, boolean fullOnly) {
    GrayU16 out = new GrayU16((int) Math.round(src.width * scale), (int) Math.round(src.height * scale));
    for (int y = 0; y < out.height; y++) {
      double sy = Math.max(0, Math.min(src.height - 1, (y + 0.5) / scale - 0.5));
      int y0 = Math.min((int) sy, src.height - 2);
      double fy = sy - y0;
      for (int x = 0; x < out.width; x++) {
        double sx = Math.max(0, Math.min(src.width - 1, (x + 0.5) / scale - 0.5));
        int x0 = Math.min((int) sx, src.width - 2);
        double fx = sx - x0;
        double[] weight = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        int[] value = {src.get(x0, y0), src.get(x0 + 1, y0), src.get(x0, y0 + 1), src.get(x0 + 1, y0 + 1)};
        double sum = 0;
        boolean full = true;
        for (int i = 0; i < 4; i++) {
          sum += weight[i] * value[i];
          full &= weight[i] == 0 || value[i] == 65535;
        }
        out.set(x, y, fullOnly ? (full ? 65535 : 0) : (int) Math.round(sum / 257) * 257);
      }
    }
    return out;
  }

  /** The image written as a JPEG file and read back through {@link FlatImageReader}. */
  private static Planar compressed(Planar image, float quality) {
    BufferedImage rgb = new BufferedImage(image.width, image.height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height; y++) {
      for (int x = 0; x < image.width; x++) {
        rgb.setRGB(x, y, image.bands[0].get(x, y) / 257 << 16 | image.bands[1].get(x, y) / 257 << 8
            | image.bands[2].get(x, y) / 257);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      Path file = Files.createTempFile("loupe-variant", ".jpg");
      try {
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
          ImageWriteParam param = writer.getDefaultWriteParam();
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(quality);
          writer.setOutput(out);
          writer.write(null, new IIOImage(rgb, null, null), param);
        }
        return FlatImageReader.read(file, Long.MAX_VALUE).color();
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /** A standard normal sample (Box–Muller). */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public String toString() {
    return name;
  }
}
