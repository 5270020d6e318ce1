// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import loupe.psd.ImageResource;
import org.w3c.dom.NodeList;

/**
 * What a flat TIFF or JPEG holds for Photoshop besides its pixels, as the PSD resources Photoshop
 * makes of it when it opens the file: its saved paths and clipping path (a retouching service's
 * standard delivery), its IPTC record and copyright flag, and its XMP. A PNG holds only XMP (an
 * iTXt chunk).
 * Metadata that does not parse is left out: the pixels are what is retouched, and a picture must
 * not be refused for a damaged caption.
 */
final class FlatMetadata {
  private static final int IPTC = 1028;
  private static final int COPYRIGHT_FLAG = 1034;
  private static final int URL = 1035;
  private static final int XMP = 1060;
  private static final int FIRST_PATH = 2000;
  private static final int LAST_PATH = 2997;
  private static final int CLIPPING_PATH_NAME = 2999;
  private static final int TIFF_XMP = 700;
  private static final int TIFF_IPTC = 33723;
  private static final int TIFF_PHOTOSHOP = 34377;
  private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
  private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
  private static final String PHOTOSHOP_ID = "Photoshop 3.0";
  private static final String XMP_ID = "http://ns.adobe.com/xap/1.0/";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final String PNG_FORMAT = "javax_imageio_png_1.0";
  private static final String PNG_XMP_KEYWORD = "XML:com.adobe.xmp";

  private FlatMetadata() {}

  /**
   * The resources to put in the PSD made of {@code file}, in the order Photoshop's blocks had them.
   * A picture its Orientation tag turns upright keeps no paths: they are drawn on the picture as
   * stored, and would lie across the upright one (a clipping path taken for the product there
   * would protect the wrong pixels).
   */
  static List<ImageResource> of(Path file) {
    List<ImageResource> all = read(file);
    return FlatImageReader.turned(file) ? all.stream().filter(r -> !isPath(r.id())).toList() : all;
  }

  private static boolean isPath(int id) {
    return id >= FIRST_PATH && id <= LAST_PATH || id == CLIPPING_PATH_NAME;
  }

  private static List<ImageResource> read(Path file) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(4);
      }
      if (Arrays.equals(head, TIFF_LE) || Arrays.equals(head, TIFF_BE)) {
        return tiff(file);
      }
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
        return jpeg(file);
      }
      if (Arrays.equals(head, PNG)) {
        return png(file);
      }
    } catch (IOException | RuntimeException unreadable) {
      // left out (see the class comment)
    }
    return List.of();
  }

  private static List<ImageResource> tiff(Path file) throws IOException {
    Directory ifd;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ifd = new TIFFReader().read(in);
    }
    List<ImageResource> kept = kept(file, bytes(ifd.getEntryById(TIFF_PHOTOSHOP)));
    addMissing(kept, IPTC, bytes(ifd.getEntryById(TIFF_IPTC)));
    addMissing(kept, XMP, bytes(ifd.getEntryById(TIFF_XMP)));
    return kept;
  }

  private static List<ImageResource> jpeg(Path file) throws IOException {
    List<JPEGSegment> segments;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      segments = JPEGSegmentUtil.readSegments(in, Map.of(JPEG.APP13, List.of(PHOTOSHOP_ID), JPEG.APP1, List.of(XMP_ID)));
    }
    // A block larger than one segment continues in the next: the segments' data joined, in order.
    ByteArrayOutputStream blocks = new ByteArrayOutputStream();
    byte[] xmp = null;
    for (JPEGSegment s : segments) {
      try (InputStream data = s.data()) {
        if (s.marker() == JPEG.APP13) {
          data.transferTo(blocks);
        } else if (xmp == null) {
          xmp = data.readAllBytes();
        }
      }
    }
    List<ImageResource> kept = kept(file, blocks.size() == 0 ? null : blocks.toByteArray());
    addMissing(kept, XMP, xmp);
    return kept;
  }

  /** The XMP packet of a PNG's iTXt chunk, as the JDK's reader gives it (inflated when it was compressed). */
  private static List<ImageResource> png(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      try {
        reader.setInput(in, true, false);
        IIOMetadata meta = reader.getImageMetadata(0);
        NodeList entries = ((IIOMetadataNode) meta.getAsTree(PNG_FORMAT)).getElementsByTagName("iTXtEntry");
        for (int i = 0; i < entries.getLength(); i++) {
          IIOMetadataNode entry = (IIOMetadataNode) entries.item(i);
          if (PNG_XMP_KEYWORD.equals(entry.getAttribute("keyword")) && !entry.getAttribute("text").isEmpty()) {
            return List.of(new ImageResource(XMP, "", entry.getAttribute("text").getBytes(StandardCharsets.UTF_8)));
          }
        }
        return List.of();
      } finally {
        reader.dispose();
      }
    }
  }

  /** The blocks Loupe takes over from Photoshop's own: paths, the clipping path's name, IPTC, copyright, URL, XMP. */
  private static List<ImageResource> kept(Path file, byte[] blocks) throws IOException {
    List<ImageResource> kept = new ArrayList<>();
    if (blocks == null) {
      return kept;
    }
    for (ImageResource r : ImageResource.parseBlocks(file + ": Photoshop resources", blocks)) {
      if (isPath(r.id()) || r.id() == IPTC || r.id() == COPYRIGHT_FLAG || r.id() == URL
          || r.id() == XMP) {
        kept.add(r);
      }
    }
    return kept;
  }

  private static void addMissing(List<ImageResource> kept, int id, byte[] data) {
    if (data != null && data.length > 0 && kept.stream().noneMatch(r -> r.id() == id)) {
      kept.add(new ImageResource(id, "", data));
    }
  }

  private static byte[] bytes(Entry entry) {
    return entry != null && entry.getValue() instanceof byte[] b ? b : null;
  }
}
