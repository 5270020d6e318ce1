// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import java.util.stream.IntStream;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.models.TensorSpec;

/**
 * The resampling of @imgly/background-removal's own ISNet pipeline ({@code tensorResizeBilinear}):
 * destination pixel x samples source position x·(srcWidth/dstWidth) (corners aligned at 0, no
 * half-pixel shift, no antialiasing), bilinear between floor and ceil (clamped), rounded to an
 * 8-bit level. For 8-bit shots the tensor is bit-identical to the package's; 16-bit shots are
 * read as v/257 and rounded the same way. The same mapping, inverted, brings the alpha back to
 * the shot's size (kept in floating point here instead of the package's 8-bit round trip).
 */
final class PackageResize {
  private PackageResize() {}

  /** The NCHW float tensor data (3 planes of tw×th) for {@code image} (RGB, or 1 band as gray); Not modified. */
  static float[] toTensor(Planar image, TensorSpec spec, int tw, int th) {
    int w = image.width;
    int h = image.height;
    Axis xs = Axis.of(w, tw);
    Axis ys = Axis.of(h, th);
    float[] out = new float[3 * tw * th];
    int plane = tw * th;
    IntStream.range(0, th).parallel().forEach(y -> {
      int y1 = ys.lo[y];
      int y2 = ys.hi[y];
      double dy = ys.frac[y];
      for (int c = 0; c < 3; c++) {
        GrayU16 band = image.bands[image.numBands() >= 3 ? c : 0];
        int r1 = band.startIndex + y1 * band.stride;
        int r2 = band.startIndex + y2 * band.stride;
        int o = c * plane + y * tw;
        for (int x = 0; x < tw; x++) {
          double dx = xs.frac[x];
          double p1 = level(band.data[r1 + xs.lo[x]]);
          double p2 = level(band.data[r1 + xs.hi[x]]);
          double p3 = level(band.data[r2 + xs.lo[x]]);
          double p4 = level(band.data[r2 + xs.hi[x]]);
          // Same expression and order as the package, so 8-bit inputs round identically.
          double v = (1 - dx) * (1 - dy) * p1 + dx * (1 - dy) * p2 + (1 - dx) * dy * p3 + dx * dy * p4;
          out[o + x] = spec.encode(Math.round(v));
        }
      }
    });
    return out;
  }

  /**
   * The alpha plane (aw×ah tensor values) decoded with {@code spec} to [0,1], resampled to w×h by
   * the inverse mapping, then cut: ≤ lowCut → 0, ≥ highCut → 65535, linear between.
   */
  static GrayU16 alphaToMask(float[] alpha, int aw, int ah, TensorSpec spec, int w, int h, double lowCut,
      double highCut) {
    Axis xs = Axis.of(aw, w);
    Axis ys = Axis.of(ah, h);
    GrayU16 mask = new GrayU16(w, h);
    double span = highCut - lowCut;
    IntStream.range(0, h).parallel().forEach(y -> {
      int r1 = ys.lo[y] * aw;
      int r2 = ys.hi[y] * aw;
      double dy = ys.frac[y];
      int o = y * w;
      for (int x = 0; x < w; x++) {
        double dx = xs.frac[x];
        double v = (1 - dx) * (1 - dy) * alpha[r1 + xs.lo[x]] + dx * (1 - dy) * alpha[r1 + xs.hi[x]]
            + (1 - dx) * dy * alpha[r2 + xs.lo[x]] + dx * dy * alpha[r2 + xs.hi[x]];
        double a = spec.decode(v) / 255.0;
        double p = (a - lowCut) / span;
        mask.data[o + x] = (short) (p <= 0 ? 0 : p >= 1 ? 65535 : (int) Math.round(p * 65535));
      }
    });
    return mask;
  }

  private static double level(short sample) {
    return (sample & 0xFFFF) / 257.0;
  }

  /** Per destination index: the two source indices and the weight of the second. */
  private record Axis(int[] lo, int[] hi, double[] frac) {
    static Axis of(int src, int dst) {
      double scale = (double) src / dst;
      int[] lo = new int[dst];
      int[] hi = new int[dst];
      double[] frac = new double[dst];
      for (int i = 0; i < dst; i++) {
        double s = i * scale;
        lo[i] = Math.max((int) Math.floor(s), 0);
        hi[i] = Math.min((int) Math.ceil(s), src - 1);
        frac[i] = s - lo[i];
      }
      return new Axis(lo, hi, frac);
    }
  }
}
