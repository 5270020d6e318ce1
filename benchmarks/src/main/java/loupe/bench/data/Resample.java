// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Bilinear resampling with pixel centres aligned ((x + ½)·scale − ½, edges clamped), used to
 * blow a dev scene up to 24 MP for the size-bound workloads; nearest-neighbour for label images. Upscaled noise is smoother than a
 * real 24 MP sensor's, which matters for quality, not for time.
 */
public final class Resample {
  private Resample() {}

  /** @param image Not modified */
  public static Planar bilinear(Planar image, int width, int height) {
    GrayU16[] bands = new GrayU16[image.numBands()];
    for (int c = 0; c < bands.length; c++) {
      bands[c] = bilinear(image.bands[c], width, height);
    }
    return new Planar(bands);
  }

  /** @param image Not modified */
  public static GrayU16 bilinear(GrayU16 image, int width, int height) {
    GrayU16 out = new GrayU16(width, height);
    int[] x0 = new int[width];
    int[] x1 = new int[width];
    double[] fx = new double[width];
    double sx = (double) image.width / width;
    for (int x = 0; x < width; x++) {
      double p = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), image.width - 1);
      x0[x] = (int) p;
      x1[x] = Math.min(x0[x] + 1, image.width - 1);
      fx[x] = p - x0[x];
    }
    double sy = (double) image.height / height;
    for (int y = 0; y < height; y++) {
      double p = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), image.height - 1);
      int y0 = (int) p;
      int y1 = Math.min(y0 + 1, image.height - 1);
      double fy = p - y0;
      int r0 = image.startIndex + y0 * image.stride;
      int r1 = image.startIndex + y1 * image.stride;
      int dst = y * width;
      for (int x = 0; x < width; x++) {
        double top = (image.data[r0 + x0[x]] & 0xFFFF) * (1 - fx[x]) + (image.data[r0 + x1[x]] & 0xFFFF) * fx[x];
        double bottom = (image.data[r1 + x0[x]] & 0xFFFF) * (1 - fx[x]) + (image.data[r1 + x1[x]] & 0xFFFF) * fx[x];
        out.data[dst + x] = (short) Math.round(top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }

  /** Nearest neighbour (for label images, whose values must not blend). @param image Not modified */
  public static GrayU16 nearest(GrayU16 image, int width, int height) {
    GrayU16 out = new GrayU16(width, height);
    for (int y = 0; y < height; y++) {
      int src = image.startIndex + (int) ((y + 0.5) * image.height / height) * image.stride;
      for (int x = 0; x < width; x++) {
        out.data[y * width + x] = image.data[src + (int) ((x + 0.5) * image.width / width)];
      }
    }
    return out;
  }
}
