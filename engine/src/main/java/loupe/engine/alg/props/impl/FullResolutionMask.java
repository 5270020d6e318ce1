// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Brings a work-image prop region to full resolution. Every pixel of a work pixel in the region
 * is in; a pixel of a work pixel near the region ({@link #rim}) is in when the 3×3 mean of its
 * non-product neighbours deviates from the sweep by more than the gain threshold (the outline is
 * found at full resolution, outward only). The result is grown by a margin (the soft rim below the
 * threshold) and then cleared within the guard radius of every product pixel.
 */
public final class FullResolutionMask {
  private static final int PRODUCT_REACH = 3;

  private FullResolutionMask() {}

  /**
   * @param region work-image region, row-major over {@code shot}; Not modified
   * @param image the shot; Not modified
   * @param productMask P; Not modified
   * @return 65535 on the prop, 0 elsewhere; 0 wherever P &gt; 0 or within {@code guardRadius}
   */
  public static GrayU16 render(boolean[] region, ReducedShot shot, RobustSurface surface, double gainThreshold,
      Planar image, GrayU16 productMask, double margin, double guardRadius, Progress progress) {
    int f = shot.factor();
    int w = shot.width();
    int h = shot.height();
    boolean[] rim = rim(region, shot.product(), w, h);
    GrayU16 out = new GrayU16(image.width, image.height);
    int bands = image.numBands();
    IntStream.range(0, image.height).parallel().forEach(y -> {
      progress.checkCancelled();
      double[] sweep = new double[bands];
      int wy = y / f;
      for (int x = 0; x < image.width; x++) {
        int wi = wy * w + x / f;
        if (region[wi]) {
          out.data[y * out.stride + x] = (short) 65535;
        } else if (rim[wi]) {
          surface.values((x - (f - 1) / 2.0) / f, (y - (f - 1) / 2.0) / f, sweep);
          if (Math.abs(gain(image, productMask, x, y, sweep) - 1) > gainThreshold) {
            out.data[y * out.stride + x] = (short) 65535;
          }
        }
      }
    });
    GrayU16 grown = margin > 0 ? MaskOps.expand(out, margin, null) : out;
    GrayU16 guard = MaskOps.expand(productMask, guardRadius, null);
    IntStream.range(0, image.height).parallel().forEach(y -> {
      for (int x = 0; x < image.width; x++) {
        if (guard.data[guard.startIndex + y * guard.stride + x] != 0) {
          grown.data[grown.startIndex + y * grown.stride + x] = 0;
        }
      }
    });
    return grown;
  }

  /**
   * Mean over bands of the 3×3 mean divided by the sweep, linear light, over the pixels of the
   * window that are inside the frame and outside the product (1 when there are none).
   */
  private static double gain(Planar image, GrayU16 productMask, int x, int y, double[] sweep) {
    double total = 0;
    int n = 0;
    for (int yy = Math.max(0, y - 1); yy <= Math.min(image.height - 1, y + 1); yy++) {
      for (int xx = Math.max(0, x - 1); xx <= Math.min(image.width - 1, x + 1); xx++) {
        if (productMask.data[productMask.startIndex + yy * productMask.stride + xx] != 0) {
          continue;
        }
        for (int c = 0; c < sweep.length; c++) {
          GrayU16 band = image.bands[c];
          total += Srgb.decode(band.data[band.startIndex + yy * band.stride + xx] & 0xFFFF) / sweep[c];
        }
        n++;
      }
    }
    return n == 0 ? 1 : total / (n * sweep.length);
  }

  /**
   * Work pixels outside the region that are re-decided at full resolution: those with an
   * 8-neighbour in it, and product blocks within {@value #PRODUCT_REACH} work pixels of it (a prop
   * seen between the links of a chain lies in blocks that the chain touches).
   */
  private static boolean[] rim(boolean[] region, boolean[] product, int w, int h) {
    boolean[] out = new boolean[region.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (region[i]) {
          continue;
        }
        int reach = product[i] ? PRODUCT_REACH : 1;
        for (int yy = Math.max(0, y - reach); yy <= Math.min(h - 1, y + reach) && !out[i]; yy++) {
          for (int xx = Math.max(0, x - reach); xx <= Math.min(w - 1, x + reach); xx++) {
            if (region[yy * w + xx]) {
              out[i] = true;
              break;
            }
          }
        }
      }
    }
    return out;
  }
}
