// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Orientation;
import loupe.engine.image.Planar;
import loupe.psd.Resolution;
import loupe.server.UserError;
import org.w3c.dom.Node;

/**
 * Reads flat PNG, TIFF and JPEG files (ImageIO with the TwelveMonkeys plugins) at their own depth:
 * 8-bit samples stored ×257, 16-bit as is. Palette and 1-bit images are refused with a message.
 */
public final class FlatImageReader {
  private FlatImageReader() {}

  public static FlatImage read(Path file, long maxPixels) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new UserError(file + ": cannot be opened");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UserError(file + ": not a PSD, PSB, PNG, TIFF or JPEG file");
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        boolean jpeg = format.startsWith("jp");
        // A JPEG's or TIFF's metadata is read for its Orientation tag (a camera's portrait frame); a
        // PNG's is not (its text chunks can be large and say nothing Loupe uses).
        boolean tagged = jpeg || format.startsWith("tif");
        reader.setInput(in, true, !tagged);
        Orientation stored = tagged ? StoredOrientation.of(reader) : Orientation.AS_STORED;
        FlatImage image = upright(convert(file, decode(file, reader, jpeg, maxPixels), jpeg), stored);
        return image.iccProfile() == null && format.equals("png")
            ? new FlatImage(image.color(), image.alpha(), image.depth(), PngIccProfile.read(file)) : image;
      } finally {
        reader.dispose();
      }
    }
  }

  /** As Photoshop opens it: a camera's upright tag applied to every plane, so masks line up with the document. */
  private static FlatImage upright(FlatImage image, Orientation orientation) {
    if (orientation == Orientation.AS_STORED) {
      return image;
    }
    GrayU16[] color = new GrayU16[image.color().numBands()];
    for (int c = 0; c < color.length; c++) {
      color[c] = orientation.upright(image.color().bands[c]);
    }
    return new FlatImage(new Planar(color), image.alpha() == null ? null : orientation.upright(image.alpha()),
        image.depth(), image.iccProfile());
  }

  /**
   * The picture's resolution in pixels per inch (PNG pHYs, TIFF XResolution/YResolution, JPEG JFIF
   * density), from the reader's format-neutral metadata; empty when the file states none or only an
   * aspect ratio; horizontal and vertical of the picture as {@link #read} turns it upright. Kept so
   * a 300 ppi shot is still 300 ppi in the PSD and its exports.
   */
  static Optional<double[]> ppi(Path file) {
    return header(file, true, reader -> {
      IIOMetadata meta = reader.getImageMetadata(0);
      if (meta == null || !meta.isStandardMetadataFormatSupported()) {
        return Optional.<double[]>empty();
      }
      Node tree = meta.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
      double h = perInch(tree, "HorizontalPixelSize");
      double v = perInch(tree, "VerticalPixelSize");
      // A density no resolution resource can hold (a damaged pHYs) is not a resolution.
      boolean held = h > 0 && v > 0 && h <= Resolution.MAX_PPI && v <= Resolution.MAX_PPI;
      if (!held) {
        return Optional.<double[]>empty();
      }
      // The densities belong to the stored axes; upright, a quarter-turned picture's width is its stored height.
      return Optional.of(StoredOrientation.of(reader).swapsAxes() ? new double[] {v, h} : new double[] {h, v});
    }, Optional.empty()); // a file that cannot be read: the decode that follows names what is wrong
  }

  /** True when the file's Orientation tag turns its picture upright (a JPEG's or TIFF's), as {@link #read} does. */
  static boolean turned(Path file) {
    return header(file, true, reader -> StoredOrientation.of(reader) != Orientation.AS_STORED, false);
  }

  /** What the decoder of a picture's first image answers from its header (and metadata, when asked). */
  public interface HeaderQuery<T> {
    T ask(ImageReader reader) throws IOException;
  }

  /**
   * {@code query}'s answer for the picture's first image, without decoding its pixels; {@code none}
   * when no decoder knows the file or the file cannot be read.
   *
   * @param metadata whether the query reads the image's metadata (else the decoder skips it)
   */
  public static <T> T header(Path file, boolean metadata, HeaderQuery<T> query, T none) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return none;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, !metadata);
        return query.ask(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return none;
    }
  }

  /** Pixels per inch from a standard-metadata pixel size (millimetres per pixel), or 0. */
  private static double perInch(Node tree, String name) {
    for (Node dim = tree.getFirstChild(); dim != null; dim = dim.getNextSibling()) {
      for (Node n = dim.getFirstChild(); dim.getNodeName().equals("Dimension") && n != null; n = n.getNextSibling()) {
        if (n.getNodeName().equals(name) && n.getAttributes().getNamedItem("value") != null) {
          double mm = Double.parseDouble(n.getAttributes().getNamedItem("value").getNodeValue());
          // Round to 1/100 ppi: a PNG stores 300 ppi as 11811 px/m, 299.9994 ppi.
          return mm > 0 ? Math.round(2540.0 / mm) / 100.0 : 0;
        }
      }
    }
    return 0;
  }

  /** The picture's longer side from its header, or 0 when no reader knows the file. */
  static long longSide(Path file) {
    return header(file, false, reader -> (long) Math.max(reader.getWidth(0), reader.getHeight(0)), 0L);
  }

  /**
   * The decoder's own failures (a truncated PNG, a JPEG colour type it does not read) say neither
   * the file nor that it is the input's fault; this names both.
   */
  private static BufferedImage decode(Path file, ImageReader reader, boolean jpeg, long maxPixels) {
    try {
      long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
      if (pixels > maxPixels) {
        throw new UserError(file + ": " + reader.getWidth(0) + "×" + reader.getHeight(0)
            + " is larger than the limit of " + maxPixels + " pixels");
      }
      List<String> damage = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("truncated") || w.contains("premature end")) {
          damage.add(warning);
        }
      });
      ImageReadParam param = reader.getDefaultReadParam();
      // TwelveMonkeys' JPEG decoder turns a JPEG with an embedded profile into sRGB by default, in 8
      // bits, clipping what lies outside sRGB (saturated gold in Adobe RGB). Photoshop opens the
      // file's own values in its own profile; so does Loupe, with the profile kept (convert).
      ImageTypeSpecifier raw = jpeg ? reader.getRawImageType(0) : null;
      if (raw != null) {
        param.setDestinationType(raw);
      }
      BufferedImage image = reader.read(0, param);
      // A cut-off JPEG decodes "successfully", its missing part grey: that grey must not be retouched
      // and delivered as the picture. (Other decoder warnings, e.g. extraneous bytes, are harmless.)
      if (!damage.isEmpty()) {
        throw new UserError(file + ": the image data is incomplete (" + String.join("; ", damage) + ")");
      }
      return image;
    } catch (UserError e) {
      throw e;
    } catch (IndexOutOfBoundsException e) {
      throw new UserError(file + ": cannot decode the image: the file holds no image (damaged or cut short?)");
    } catch (IOException | RuntimeException e) {
      // The decoder's own words ("Error reading PNG image data") name no cause a user can act on alone;
      // a runtime failure's message is Java's ("class [J cannot be cast to class java.lang.Number"), never quoted.
      boolean quotable = e instanceof IOException && e.getMessage() != null;
      UserError named = new UserError(file + ": cannot decode the image, it is damaged or cut short"
          + (quotable ? " (the decoder says: " + e.getMessage() + ")" : " (" + inWords(e, reader) + ")"));
      named.initCause(e);
      throw named;
    }
  }

  /** A decoder failure said in words, not Java's: "truncated TIFF?", "the TIFF decoder could not follow its structure". */
  static String inWords(Throwable e, ImageReader reader) {
    String format;
    try {
      format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
    } catch (IOException unknown) {
      format = "image";
    }
    if (e instanceof java.io.EOFException) {
      return "truncated " + format + "?";
    }
    return e instanceof RuntimeException ? "the " + format + " decoder could not follow its structure"
        : "the " + format + " decoder gave no reason";
  }

  /** @param jpeg a JPEG carries no transparency: its fourth channel is K of CMYK, whatever the decoder guessed */
  private static FlatImage convert(Path file, BufferedImage image, boolean jpeg) {
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    int bits = raster.getSampleModel().getSampleSize(0);
    // Depth first: Java reads a 1-bit (bitmap) picture with a two-colour palette, and it is the depth that is wrong.
    if (bits != 8 && bits != 16) {
      throw new UserError(file + ": " + bits + "-bit samples are not supported; save it as 8- or 16-bit RGB or gray");
    }
    if (image.getColorModel() instanceof java.awt.image.IndexColorModel) {
      throw new UserError(file + ": palette (indexed-colour) images are not supported; save it as 8- or 16-bit RGB or gray");
    }
    // Without an Adobe marker TwelveMonkeys reads a 4-channel JPEG as RGBA, and its inverted C, M, Y as colours.
    boolean hasAlpha = !jpeg && image.getColorModel().hasAlpha();
    int colorBands = hasAlpha ? bands - 1 : bands;
    if (colorBands != 1 && colorBands != 3) {
      throw new UserError(file + ": " + colorBands + " colour channels" + (colorBands == 4 ? " (CMYK)" : "")
          + "; Loupe retouches RGB and grayscale pictures: convert it to RGB first");
    }
    int w = raster.getWidth();
    int h = raster.getHeight();
    int scale = bits == 8 ? 257 : 1;
    GrayU16[] planes = new GrayU16[bands];
    int[] row = new int[w];
    for (int b = 0; b < bands; b++) {
      planes[b] = new GrayU16(w, h);
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, b, row);
        for (int x = 0; x < w; x++) {
          planes[b].data[y * w + x] = (short) (row[x] * scale);
        }
      }
    }
    GrayU16[] color = java.util.Arrays.copyOf(planes, colorBands);
    byte[] icc = image.getColorModel().getColorSpace() instanceof ICC_ColorSpace ics && !ics.isCS_sRGB()
        ? ics.getProfile().getData() : null;
    return new FlatImage(new Planar(color), hasAlpha ? planes[bands - 1] : null, BitDepth.of(bits), icc);
  }
}
