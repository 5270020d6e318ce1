// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import loupe.psd.ColorMode;
import loupe.psd.PsdDocument;
import loupe.server.UserError;

/**
 * The document's composite (image data section) as an interleaved 8- or 16-bit gray or RGB
 * {@link BufferedImage}. Samples are copied exactly at the document's depth; a 16-bit document
 * asked for at 8 bits is rounded to the nearest 8-bit value, v8 = round(v16 · 255 / 65535). The
 * colour model's colour space only labels the band layout: the document's own ICC profile is
 * embedded by the format writers.
 */
final class CompositeRaster {
  private CompositeRaster() {}

  /** libjpeg's JPEG_MAX_DIMENSION. */
  private static final int JPEG_MAX_SIDE = 65500;

  /** Checks that the document can be exported; returns its number of colour channels (1 or 3). */
  static int colorBands(PsdDocument doc, ExportFormat format, String file) {
    if (doc.colorMode() != ColorMode.RGB && doc.colorMode() != ColorMode.GRAYSCALE) {
      throw new UserError(file + ": " + doc.colorMode() + " documents cannot be exported flat (RGB or grayscale only)");
    }
    if (doc.depth() != 8 && doc.depth() != 16) {
      throw new UserError(file + ": " + doc.depth() + "-bit documents cannot be exported flat (8 or 16 bit only)");
    }
    int bands = doc.colorMode().colorChannels();
    if (doc.composite().size() < bands) {
      throw new UserError(file + ": the document has no composite image to export");
    }
    if (!doc.compositeIsReal()) {
      throw new UserError(file + ": its flat composite is Photoshop's white placeholder (the input was saved with "
          + "Maximize Compatibility off and Loupe cannot render its layers), so there is no flat picture to export; "
          + "save the input again with Maximize Compatibility on, or export from Photoshop");
    }
    if ((long) doc.width() * doc.height() * bands > Integer.MAX_VALUE - 8) {
      throw new UserError(file + ": " + doc.width() + "×" + doc.height()
          + " is too large to export flat (more than 2³¹ samples)");
    }
    if (format == ExportFormat.JPEG && Math.max(doc.width(), doc.height()) > JPEG_MAX_SIDE) {
      throw new UserError(file + ": JPEG sides are limited to " + JPEG_MAX_SIDE + " pixels; export PNG or TIFF");
    }
    return bands;
  }

  /**
   * @param bits 8 or 16; 16 only for a 16-bit document
   */
  static BufferedImage of(PsdDocument doc, int bands, int bits) {
    int w = doc.width();
    int h = doc.height();
    int[] sizes = new int[bands];
    Arrays.fill(sizes, bits);
    ColorSpace space = ColorSpace.getInstance(bands == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ComponentColorModel model = new ComponentColorModel(space, sizes, false, false, Transparency.OPAQUE,
        bits == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(w, h);
    DataBuffer buffer = raster.getDataBuffer();
    int pixels = Math.multiplyExact(w, h);
    for (int c = 0; c < bands; c++) {
      byte[] plane = doc.composite().get(c).decoded();
      if (bits == 16) {
        short[] out = ((DataBufferUShort) buffer).getData();
        for (int i = 0; i < pixels; i++) {
          out[i * bands + c] = (short) ((plane[2 * i] & 0xFF) << 8 | (plane[2 * i + 1] & 0xFF));
        }
      } else if (doc.depth() == 8) {
        byte[] out = ((DataBufferByte) buffer).getData();
        for (int i = 0; i < pixels; i++) {
          out[i * bands + c] = plane[i];
        }
      } else {
        byte[] out = ((DataBufferByte) buffer).getData();
        for (int i = 0; i < pixels; i++) {
          int v = (plane[2 * i] & 0xFF) << 8 | (plane[2 * i + 1] & 0xFF);
          out[i * bands + c] = (byte) ((v * 255 + 32767) / 65535);
        }
      }
    }
    return new BufferedImage(model, raster, false, null);
  }
}
