// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG through the JDK writer (8 or 16 bits per sample): ICC profile in iCCP, resolution in pHYs,
 * XMP in an uncompressed iTXt chunk with keyword "XML:com.adobe.xmp" (XMP Specification Part 3).
 */
final class PngEncoder {
  private static final String FORMAT = "javax_imageio_png_1.0";

  private PngEncoder() {}

  static void write(BufferedImage image, ExportMetadata meta, ImageOutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode root = new IIOMetadataNode(FORMAT);
      if (meta.iccProfile() != null) {
        IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
        iccp.setAttribute("profileName", "ICC profile");
        iccp.setAttribute("compressionMethod", "deflate");
        // The JDK writer stores the user object as the chunk's compressed profile, as is.
        iccp.setUserObject(deflate(meta.iccProfile()));
        root.appendChild(iccp);
      }
      if (meta.ppi() != null) {
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", Long.toString(Math.round(meta.ppi()[0] / 0.0254)));
        phys.setAttribute("pixelsPerUnitYAxis", Long.toString(Math.round(meta.ppi()[1] / 0.0254)));
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
      }
      if (meta.xmp() != null) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", "XML:com.adobe.xmp");
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", meta.xmp());
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        itxt.appendChild(entry);
        root.appendChild(itxt);
      }
      metadata.mergeTree(FORMAT, root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  private static byte[] deflate(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
      z.write(data);
    }
    return bytes.toByteArray();
  }
}
