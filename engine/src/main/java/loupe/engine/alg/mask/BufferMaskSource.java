// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Rect;

/**
 * Product mask from a gray buffer sent by the panel (a selection or a mask read with UXP
 * {@code imaging.getSelection}/{@code getLayerMask}): one sample per pixel, row-major over
 * {@code bounds} in document space. Outside the bounds the mask is 0; parts of the bounds beyond
 * the canvas are dropped. 8-bit samples are stored ×257. 16-bit samples are Photoshop's
 * 0..32768 unless {@code fullRange} (UXP {@code fullRange: true}, 0..65535); 32768 maps to 65535
 * by round(v·65535/32768).
 */
public final class BufferMaskSource {
  private BufferMaskSource() {}

  /** Decodes {@code count} samples starting at {@code from} into {@code out} from {@code at}. */
  private interface RowDecoder {
    void decode(int from, short[] out, int at, int count);
  }

  /**
   * @param samples Not modified: bounds.width × bounds.height bytes
   * @param output Modified: document-sized, or null to allocate
   */
  public static GrayU16 fromBytes(byte[] samples, Rect bounds, int width, int height, GrayU16 output) {
    checkLength(samples.length, bounds);
    return place(bounds, width, height, output, (from, out, at, count) -> {
      for (int i = 0; i < count; i++) {
        out[at + i] = (short) ((samples[from + i] & 0xFF) * 257);
      }
    });
  }

  /**
   * @param samples Not modified: bounds.width × bounds.height unsigned 16-bit samples
   * @param output Modified: document-sized, or null to allocate
   */
  public static GrayU16 fromShorts(short[] samples, Rect bounds, boolean fullRange, int width, int height,
      GrayU16 output) {
    checkLength(samples.length, bounds);
    if (fullRange) {
      return place(bounds, width, height, output,
          (from, out, at, count) -> System.arraycopy(samples, from, out, at, count));
    }
    for (int i = 0; i < samples.length; i++) {
      if ((samples[i] & 0xFFFF) > 32768) {
        throw new IllegalArgumentException("16-bit mask sample " + (samples[i] & 0xFFFF) + " at index " + i
            + " (x=" + (bounds.left() + i % bounds.width()) + ", y=" + (bounds.top() + i / bounds.width())
            + ") exceeds Photoshop's 32768; send fullRange=true for 0..65535 data");
      }
    }
    return place(bounds, width, height, output, (from, out, at, count) -> {
      for (int i = 0; i < count; i++) {
        out[at + i] = (short) (((samples[from + i] & 0xFFFF) * 65535 + 16384) >>> 15);
      }
    });
  }

  private static void checkLength(int length, Rect bounds) {
    if (length != bounds.area()) {
      throw new IllegalArgumentException("mask buffer holds " + length + " samples but its bounds " + bounds
          + " need " + bounds.area());
    }
  }

  private static GrayU16 place(Rect bounds, int width, int height, GrayU16 output, RowDecoder decoder) {
    output = ImageChecks.reshape(output, width, height);
    output.fill(0);
    Rect region = bounds.intersect(Rect.ofSize(width, height));
    for (int y = region.top(); y < region.bottom(); y++) {
      int from = (y - bounds.top()) * bounds.width() + region.left() - bounds.left();
      decoder.decode(from, output.data, output.startIndex + y * output.stride + region.left(), region.width());
    }
    return output;
  }
}
