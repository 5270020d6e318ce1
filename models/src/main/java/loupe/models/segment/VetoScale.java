// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import java.util.stream.IntStream;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * The resolution at which {@link ClassicalVeto} decides: the shot reduced by an integer factor
 * (area average), and the veto brought back to full size. The veto's decisions are regions (the
 * classical pipeline decides them on a work image of a few hundred pixels anyway, and the model's
 * reach is 8 model pixels), so deciding them on a 24 MP shot at full resolution would only cost time.
 */
final class VetoScale {
  private VetoScale() {}

  /**
   * The smallest integer factor that brings the long side to at most {@code longSide}, but no more
   * than leaves the short side {@link ClassicalSegmenter#MIN_SIDE} pixels.
   */
  static int factor(int width, int height, int longSide) {
    int wanted = (Math.max(width, height) + longSide - 1) / longSide;
    return Math.max(1, Math.min(wanted, Math.min(width, height) / ClassicalSegmenter.MIN_SIDE));
  }

  /**
   * Area average over {@code factor}² blocks (the last row and column of blocks may be partial).
   *
   * @param image Not modified
   */
  static Planar reduce(Planar image, int factor) {
    int w = (image.width + factor - 1) / factor;
    int h = (image.height + factor - 1) / factor;
    Planar out = Planar.create(image.numBands(), w, h);
    for (int b = 0; b < image.numBands(); b++) {
      GrayU16 in = image.bands[b];
      GrayU16 o = out.bands[b];
      IntStream.range(0, h).parallel().forEach(y -> {
        int y0 = y * factor;
        int y1 = Math.min(image.height, y0 + factor);
        for (int x = 0; x < w; x++) {
          int x0 = x * factor;
          int x1 = Math.min(image.width, x0 + factor);
          long sum = 0;
          for (int yy = y0; yy < y1; yy++) {
            int i = in.index(0, yy);
            for (int xx = x0; xx < x1; xx++) {
              sum += in.data[i + xx] & 0xFFFF;
            }
          }
          int n = (y1 - y0) * (x1 - x0);
          o.data[o.index(x, y)] = (short) ((sum + n / 2) / n);
        }
      });
    }
    return out;
  }

  /**
   * A 0/65535 mask brought to {@code width}×{@code height}: bilinear between block centres, cut at
   * half, so the outline is smooth rather than blocky.
   *
   * @param small Not modified
   */
  static GrayU16 enlarge(GrayU16 small, int factor, int width, int height) {
    GrayU16 out = new GrayU16(width, height);
    IntStream.range(0, height).parallel().forEach(y -> {
      double sy = Math.max(0, Math.min(small.height - 1, (y + 0.5) / factor - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(small.height - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < width; x++) {
        double sx = Math.max(0, Math.min(small.width - 1, (x + 0.5) / factor - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(small.width - 1, x0 + 1);
        int v = small.get(x0, y0);
        if (v == small.get(x1, y0) && v == small.get(x0, y1) && v == small.get(x1, y1)) {
          out.data[out.index(x, y)] = (short) v;
          continue;
        }
        double fx = sx - x0;
        double top = small.get(x0, y0) * (1 - fx) + small.get(x1, y0) * fx;
        double bottom = small.get(x0, y1) * (1 - fx) + small.get(x1, y1) * fx;
        out.data[out.index(x, y)] = (short) (top * (1 - fy) + bottom * fy >= 32768 ? 65535 : 0);
      }
    });
    return out;
  }
}
