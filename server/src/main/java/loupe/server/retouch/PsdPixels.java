// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.psd.LayerMask;
import loupe.psd.PsdChannel;
import loupe.psd.PsdLayer;

/**
 * PSD channel bytes ↔ engine planes. 8-bit samples are stored ×257 and written back with
 * {@code (s + 128) / 257}, which returns every original 8-bit value exactly; 16-bit samples are
 * big-endian in the file and copied as they are.
 */
public final class PsdPixels {
  private PsdPixels() {}

  public static GrayU16 decode(PsdChannel channel) {
    GrayU16 out = new GrayU16(channel.width(), channel.height());
    byte[] bytes = channel.decoded();
    short[] data = out.data;
    if (channel.depth() == 8) {
      for (int i = 0; i < data.length; i++) {
        data[i] = (short) ((bytes[i] & 0xFF) * 257);
      }
    } else if (channel.depth() == 16) {
      for (int i = 0; i < data.length; i++) {
        data[i] = (short) ((bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF));
      }
    } else {
      throw new IllegalArgumentException("channel depth " + channel.depth() + " cannot be retouched (8 or 16 only)");
    }
    return out;
  }

  public static byte[] encode(GrayU16 plane, int depth) {
    int w = plane.width;
    int h = plane.height;
    byte[] out = new byte[Math.multiplyExact(w * h, depth / 8)];
    int i = 0;
    for (int y = 0; y < h; y++) {
      int row = plane.startIndex + y * plane.stride;
      for (int x = 0; x < w; x++) {
        int s = plane.data[row + x] & 0xFFFF;
        if (depth == 8) {
          out[i++] = (byte) ((s + 128) / 257);
        } else {
          out[i++] = (byte) (s >>> 8);
          out[i++] = (byte) s;
        }
      }
    }
    return out;
  }

  /** The layer's colour channels 0..bands−1 as a layer-size image. */
  public static Planar color(PsdLayer layer, int bands) {
    GrayU16[] planes = new GrayU16[bands];
    for (int c = 0; c < bands; c++) {
      PsdChannel channel = layer.channel(c);
      planes[c] = channel != null ? decode(channel) : new GrayU16(layer.width(), layer.height());
    }
    return new Planar(planes);
  }

  /** The layer's transparency at its bounds, or null when it has none (opaque). */
  public static GrayU16 alpha(PsdLayer layer) {
    PsdChannel channel = layer.channel(PsdChannel.TRANSPARENCY);
    return channel == null ? null : decode(channel);
  }

  /**
   * The enabled pixel user mask resampled onto the layer's own bounds: the mask has its own
   * rectangle and a default colour outside it. Null when the layer has no enabled pixel mask.
   */
  public static GrayU16 userMaskAtLayer(PsdLayer layer) {
    LayerMask mask = layer.userMask();
    if (!layer.hasUserMask() || mask == null || mask.pixelMaskDisabled()) {
      return null;
    }
    PsdChannel channel = layer.channel(PsdChannel.REAL_USER_MASK) != null && layer.vectorMask() != null
        ? layer.channel(PsdChannel.REAL_USER_MASK) : layer.channel(PsdChannel.USER_MASK);
    if (channel == null) {
      return null;
    }
    Rect maskRect = layer.channel(PsdChannel.REAL_USER_MASK) == channel && mask.real() != null
        ? new Rect(mask.real().left(), mask.real().top(), mask.real().right(), mask.real().bottom())
        : new Rect(mask.left(), mask.top(), mask.right(), mask.bottom());
    int fill = (channel == layer.channel(PsdChannel.REAL_USER_MASK) && mask.real() != null
        ? mask.real().defaultColor() : mask.defaultColor()) * 257;
    GrayU16 pixels = decode(channel);
    GrayU16 out = GrayU16.filled(layer.width(), layer.height(), fill);
    Rect layerRect = new Rect(layer.left(), layer.top(), layer.right(), layer.bottom());
    Rect overlap = layerRect.intersect(maskRect);
    for (int y = overlap.top(); y < overlap.bottom(); y++) {
      for (int x = overlap.left(); x < overlap.right(); x++) {
        out.set(x - layerRect.left(), y - layerRect.top(), pixels.get(x - maskRect.left(), y - maskRect.top()));
      }
    }
    return out;
  }

  /** New PSD channels for colour bands (+ optional transparency) at a depth. */
  public static List<PsdChannel> channels(Planar color, GrayU16 alpha, int depth) {
    List<PsdChannel> out = new ArrayList<>();
    if (alpha != null) {
      out.add(PsdChannel.of(PsdChannel.TRANSPARENCY, alpha.width, alpha.height, depth, encode(alpha, depth)));
    }
    for (int c = 0; c < color.numBands(); c++) {
      out.add(PsdChannel.of(c, color.width, color.height, depth, encode(color.bands[c], depth)));
    }
    return out;
  }
}
