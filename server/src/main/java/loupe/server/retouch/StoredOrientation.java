// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import loupe.engine.image.Orientation;
import org.w3c.dom.NodeList;

/**
 * The Orientation tag (274) of a TIFF's first directory or a JPEG's Exif block, read from the
 * metadata the open decoder parses anyway (a TIFF's first IFD, a JPEG's segments before its scan):
 * no second pass over the file, and nothing read from other directories or thumbnails.
 */
final class StoredOrientation {
  private static final String TIFF_FORMAT = "com_sun_media_imageio_plugins_tiff_image_1.0";
  private static final String JPEG_FORMAT = "javax_imageio_jpeg_image_1.0";
  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
  private static final int APP1 = 0xE1;

  private StoredOrientation() {}

  /** Metadata that cannot be read counts as none: viewers show such a file as stored, and so does Photoshop. */
  static Orientation of(ImageReader reader) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(0);
      String format = metadata == null ? null : metadata.getNativeMetadataFormatName();
      if (TIFF_FORMAT.equals(format)) {
        return Orientation.ofExif(tiffTag((IIOMetadataNode) metadata.getAsTree(format)));
      }
      if (JPEG_FORMAT.equals(format)) {
        return Orientation.ofExif(exifTag((IIOMetadataNode) metadata.getAsTree(format)));
      }
    } catch (IOException | RuntimeException unreadable) {
      // as stored
    }
    return Orientation.AS_STORED;
  }

  /** TIFFIFD / TIFFField number=274 / TIFFShorts / TIFFShort value; the first directory comes first. */
  private static int tiffTag(IIOMetadataNode root) {
    NodeList fields = root.getElementsByTagName("TIFFField");
    for (int i = 0; i < fields.getLength(); i++) {
      IIOMetadataNode field = (IIOMetadataNode) fields.item(i);
      if (String.valueOf(TIFF.TAG_ORIENTATION).equals(field.getAttribute("number"))) {
        NodeList values = field.getElementsByTagName("TIFFShort");
        return values.getLength() == 0 ? 0 : Integer.parseInt(((IIOMetadataNode) values.item(0)).getAttribute("value"));
      }
    }
    return 0;
  }

  /** The first APP1 segment that is an Exif block: a little TIFF structure, read by TwelveMonkeys' TIFF reader. */
  private static int exifTag(IIOMetadataNode root) throws IOException {
    NodeList markers = root.getElementsByTagName("unknown");
    for (int i = 0; i < markers.getLength(); i++) {
      IIOMetadataNode marker = (IIOMetadataNode) markers.item(i);
      if (String.valueOf(APP1).equals(marker.getAttribute("MarkerTag")) && marker.getUserObject() instanceof byte[] data
          && data.length > EXIF.length && Arrays.equals(data, 0, EXIF.length, EXIF, 0, EXIF.length)) {
        try (ImageInputStream tiff = ImageIO.createImageInputStream(
            new ByteArrayInputStream(data, EXIF.length, data.length - EXIF.length))) {
          Directory ifds = new TIFFReader().read(tiff);
          Entry tag = ifds.getEntryById(TIFF.TAG_ORIENTATION);
          return tag != null && tag.getValue() instanceof Number n ? n.intValue() : 0;
        }
      }
    }
    return 0;
  }
}
