// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Baseline JPEG through ImageIO, 8 bits, full-resolution chroma (4:4:4, so fine metal edges keep
 * their colour). Application segments after JFIF: APP1 XMP ("http://ns.adobe.com/xap/1.0/"),
 * APP2 ICC_PROFILE (chunked as the ICC specification's Annex B describes), APP13 "Photoshop 3.0"
 * image resources (the clipping path, IPTC), split over consecutive segments when larger than one.
 */
final class JpegEncoder {
  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";
  /** A segment holds at most 65535 bytes including its 2-byte length. */
  private static final int SEGMENT = 65533;
  static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
  /** Largest XMP packet one APP1 segment can hold. */
  static final int MAX_XMP = SEGMENT - XMP_HEADER.length;
  private static final byte[] PHOTOSHOP_HEADER = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegEncoder() {}

  static void write(BufferedImage image, ExportMetadata meta, int quality, ImageOutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
      if (meta.ppi() != null) {
        IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", Long.toString(Math.max(1, Math.min(65535, Math.round(meta.ppi()[0])))));
        jfif.setAttribute("Ydensity", Long.toString(Math.max(1, Math.min(65535, Math.round(meta.ppi()[1])))));
      }
      NodeList components = root.getElementsByTagName("componentSpec");
      for (int i = 0; i < components.getLength(); i++) {
        ((IIOMetadataNode) components.item(i)).setAttribute("HsamplingFactor", "1");
        ((IIOMetadataNode) components.item(i)).setAttribute("VsamplingFactor", "1");
      }
      List<IIOMetadataNode> segments = new ArrayList<>();
      if (meta.xmp() != null) {
        segments.add(segment(0xE1, concat(XMP_HEADER, meta.xmp().getBytes(StandardCharsets.UTF_8))));
      }
      if (meta.iccProfile() != null) {
        segments.addAll(iccSegments(meta.iccProfile()));
      }
      if (meta.photoshopResources() != null) {
        int chunk = SEGMENT - PHOTOSHOP_HEADER.length;
        byte[] data = meta.photoshopResources();
        for (int at = 0; at < data.length; at += chunk) {
          byte[] part = Arrays.copyOfRange(data, at, Math.min(data.length, at + chunk));
          segments.add(segment(0xED, concat(PHOTOSHOP_HEADER, part)));
        }
      }
      Node sequence = root.getElementsByTagName("markerSequence").item(0);
      Node first = sequence.getFirstChild();
      for (IIOMetadataNode s : segments) {
        sequence.insertBefore(s, first);
      }
      metadata.setFromTree(FORMAT, root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  /** "ICC_PROFILE\0", 1-based chunk number, chunk count, then the chunk. */
  private static List<IIOMetadataNode> iccSegments(byte[] icc) {
    int chunk = SEGMENT - ICC_HEADER.length - 2;
    int count = (icc.length + chunk - 1) / chunk;
    if (count > 255) {
      throw new IllegalArgumentException(
          "ICC profile of " + icc.length + " bytes is too large for JPEG (255 segments)");
    }
    List<IIOMetadataNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] head = Arrays.copyOf(ICC_HEADER, ICC_HEADER.length + 2);
      head[ICC_HEADER.length] = (byte) (i + 1);
      head[ICC_HEADER.length + 1] = (byte) count;
      out.add(segment(0xE2, concat(head, Arrays.copyOfRange(icc, i * chunk, Math.min(icc.length, (i + 1) * chunk)))));
    }
    return out;
  }

  private static IIOMetadataNode segment(int marker, byte[] data) {
    IIOMetadataNode node = new IIOMetadataNode("unknown");
    node.setAttribute("MarkerTag", Integer.toString(marker));
    node.setUserObject(data);
    return node;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
