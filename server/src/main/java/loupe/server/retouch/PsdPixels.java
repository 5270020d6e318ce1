// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.alg.mask.impl.MaskMath;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.psd.LayerMask;
import loupe.psd.MaskPlane;
import loupe.psd.PsdChannel;
import loupe.psd.PsdLayer;

/**
 * PSD channel bytes ↔ engine planes. 8-bit samples are stored ×257 and written back with
 * {@link BitDepth#fromStorage} ({@code (s + 128) / 257}), which returns every original 8-bit value exactly; 16-bit samples are
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
        data[i] = (short) BitDepth.EIGHT.toStorage(bytes[i] & 0xFF);
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
          out[i++] = (byte) BitDepth.EIGHT.fromStorage(s);
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
   * The layer's pixel user mask with its own bounds, default colour and flags, or null. With a
   * vector mask as well, the pixel mask is channel −3 described by the record's "real" fields.
   */
  public static LayerShape.UserMask userMask(PsdLayer layer) {
    MaskPlane m = layer.pixelMask();
    if (m == null || m.channel() == null) {
      return null;
    }
    return new LayerShape.UserMask(decode(m.channel()), new Rect(m.left(), m.top(), m.right(), m.bottom()),
        m.defaultColor(), new LayerShape.MaskFlags(m.disabled() || hidesNothing(m.density()), m.inverted()));
  }

  /** Transparency, pixel user mask and vector mask of a layer, for the product-mask source. */
  public static LayerShape shape(PsdLayer layer, int docWidth, int docHeight) {
    return new LayerShape(bounds(layer), alpha(layer), userMask(layer), vectorMask(layer, docWidth, docHeight));
  }

  /** The layer's vector mask in document pixels, or null; switched off also at 0 % density, where it hides nothing. */
  static LayerShape.VectorMask vectorMask(PsdLayer layer, int docWidth, int docHeight) {
    if (layer.vectorMask() == null) {
      return null;
    }
    boolean off = layer.vectorMask().disabled() || (layer.userMask() != null && hidesNothing(layer.userMask().vectorDensity()));
    return new LayerShape.VectorMask(PsdPaths.toGeometry(layer.vectorMask().path(), docWidth, docHeight),
        new LayerShape.MaskFlags(off, layer.vectorMask().inverted()));
  }

  /**
   * What the layer's enabled masks let show, on the layer's own bounds: user mask × vector mask,
   * each at its density (rasterised over the canvas; off the canvas nothing shows), or null without
   * either.
   */
  public static GrayU16 masksAtLayer(PsdLayer layer, int docWidth, int docHeight) {
    GrayU16 user = userMaskAtLayer(layer);
    if (layer.vectorMask() == null || layer.vectorMask().disabled()) {
      return user;
    }
    LayerShape vectorOnly = new LayerShape(bounds(layer), null, null, shape(layer, docWidth, docHeight).vectorMask());
    GrayU16 vector = LayerMaskSource.productMask(vectorOnly, docWidth, docHeight, null);
    Rect b = bounds(layer);
    GrayU16 out = new GrayU16(layer.width(), layer.height());
    for (int y = 0; y < out.height; y++) {
      for (int x = 0; x < out.width; x++) {
        int dx = x + b.left();
        int dy = y + b.top();
        int v = atDensity(dx >= 0 && dy >= 0 && dx < docWidth && dy < docHeight ? vector.get(dx, dy) : 0,
            layer.userMask() == null ? null : layer.userMask().vectorDensity());
        out.set(x, y, user == null ? v : MaskMath.mul(user.get(x, y), v));
      }
    }
    return out;
  }

  /** The enabled user mask placed on the layer's own bounds (default colour outside its rectangle), or null. */
  private static GrayU16 userMaskAtLayer(PsdLayer layer) {
    LayerShape.UserMask mask = userMask(layer);
    if (mask == null || mask.flags().disabled()) {
      return null;
    }
    Rect layerRect = bounds(layer);
    Integer density = layer.userMask().userDensity();
    GrayU16 out = GrayU16.filled(layer.width(), layer.height(), atDensity(mask.defaultColor() * 257, density));
    Rect overlap = layerRect.intersect(mask.bounds());
    for (int y = overlap.top(); y < overlap.bottom(); y++) {
      for (int x = overlap.left(); x < overlap.right(); x++) {
        int v = mask.plane().get(x - mask.bounds().left(), y - mask.bounds().top());
        out.set(x - layerRect.left(), y - layerRect.top(), atDensity(mask.flags().inverted() ? 65535 - v : v, density));
      }
    }
    return out;
  }

  /**
   * A mask value as Photoshop applies it at this density (0..255; null: 100 %): what the mask hides
   * shows by what the density leaves, and where the mask is fully on nothing changes.
   */
  private static int atDensity(int value, Integer density) {
    // Rounded towards the hidden side: a value short of full must stay short of it, or a pixel the
    // layer does not quite cover would count as covered fully.
    return density == null ? value : 65535 - (int) Math.ceil(density * (65535 - value) / 255.0);
  }

  /** A mask at 0 % density hides nothing: Photoshop shows the layer as if the mask were disabled. */
  private static boolean hidesNothing(Integer density) {
    return density != null && density == 0;
  }

  public static Rect bounds(PsdLayer l) {
    return new Rect(l.left(), l.top(), l.right(), l.bottom());
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
