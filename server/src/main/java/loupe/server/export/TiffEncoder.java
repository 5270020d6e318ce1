// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

/**
 * TIFF through the JDK writer ({@code javax.imageio.plugins.tiff}, Java 9+), Adobe Deflate
 * (compression 8), 8 or 16 bits per sample. The TwelveMonkeys TIFF writer cannot write 16-bit RGB
 * (its {@code writeImageData} handles multi-band samples only as bytes). Extra tags: 34377
 * Photoshop image resources (the clipping path, IPTC), 34675 ICC profile, 700 XMP (type BYTE, XMP
 * Specification Part 3), and X/YResolution in pixels per inch.
 */
final class TiffEncoder {
  private static final String JDK_FORMAT = "javax_imageio_tiff_image_1.0";
  private static final int TAG_XMP = 700;
  private static final int TAG_PHOTOSHOP = 34377;
  private static final int TAG_ICC_PROFILE = 34675;

  private TiffEncoder() {}

  static void write(BufferedImage image, ExportMetadata meta, ImageOutputStream out) throws IOException {
    ImageWriter writer = jdkWriter();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("ZLib");
      TIFFDirectory dir = TIFFDirectory.createFromMetadata(
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param));
      if (meta.photoshopResources() != null) {
        dir.addTIFFField(bytes(TAG_PHOTOSHOP, "Photoshop", TIFFTag.TIFF_UNDEFINED, meta.photoshopResources()));
      }
      if (meta.iccProfile() != null) {
        dir.addTIFFField(bytes(TAG_ICC_PROFILE, "ICC Profile", TIFFTag.TIFF_UNDEFINED, meta.iccProfile()));
      }
      if (meta.xmp() != null) {
        dir.addTIFFField(bytes(TAG_XMP, "XMP", TIFFTag.TIFF_BYTE, meta.xmp().getBytes(StandardCharsets.UTF_8)));
      }
      if (meta.ppi() != null) {
        BaselineTIFFTagSet baseline = BaselineTIFFTagSet.getInstance();
        dir.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
            new long[][] {rational(meta.ppi()[0])}));
        dir.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
            new long[][] {rational(meta.ppi()[1])}));
        dir.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
            BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, dir.getAsMetadata()), param);
    } finally {
      writer.dispose();
    }
  }

  private static TIFFField bytes(int number, String name, int type, byte[] value) {
    return new TIFFField(new TIFFTag(name, number, 1 << type), type, value.length, value);
  }

  /** Pixels per inch as a rational with millipixel precision (Photoshop stores 16.16 fixed). */
  private static long[] rational(double ppi) {
    return new long[] {Math.round(ppi * 1000), 1000};
  }

  /** The writer selected by capability: the one whose native metadata is the JDK's TIFF format. */
  private static ImageWriter jdkWriter() {
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
      ImageWriter w = it.next();
      if (JDK_FORMAT.equals(w.getOriginatingProvider().getNativeImageMetadataFormatName())) {
        return w;
      }
      w.dispose();
    }
    throw new IllegalStateException("no TIFF writer with " + JDK_FORMAT + " metadata (Java 9+ has one)");
  }
}
