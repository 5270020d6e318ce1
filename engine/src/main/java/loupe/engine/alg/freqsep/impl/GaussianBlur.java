// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep.impl;

import java.util.stream.IntStream;
import loupe.engine.image.GrayU16;

/**
 * Separable Gaussian blur of a 16-bit band with an extended border (samples outside the image
 * repeat the nearest edge sample, as Photoshop's Gaussian Blur does). The kernel is sampled at
 * integer offsets out to ⌈3σ⌉ and normalised to sum 1. The horizontal pass keeps full float
 * precision; only the vertical pass rounds to 16-bit storage. Each pass has an interior loop
 * without bounds checks and a separate border pass.
 */
public final class GaussianBlur {
  private GaussianBlur() {}

  /** Normalised kernel weights for offsets −r..r, r = ⌈3σ⌉. */
  public static float[] kernel(double sigma) {
    int r = (int) Math.ceil(3 * sigma);
    float[] k = new float[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      sum += weight(i, sigma);
    }
    for (int i = -r; i <= r; i++) {
      k[i + r] = (float) (weight(i, sigma) / sum);
    }
    return k;
  }

  /** The centre weight is 1 by definition: computed, it is 0/0 once σ² underflows (σ below ~1e-162). */
  private static double weight(int i, double sigma) {
    return i == 0 ? 1 : Math.exp(-i * i / (2 * sigma * sigma));
  }

  /**
   * @param in Not modified
   * @param out Modified; same size as {@code in}, may not share samples with it
   * @param sigma standard deviation in pixels, &gt; 0
   */
  public static void apply(GrayU16 in, GrayU16 out, double sigma) {
    float[] k = kernel(sigma);
    int r = k.length / 2;
    int w = in.width;
    int h = in.height;
    float[] horizontal = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> horizontalRow(in, y, k, r, horizontal));
    IntStream.range(0, h).parallel().forEach(y -> verticalRow(horizontal, w, h, y, k, r, out));
  }

  private static void horizontalRow(GrayU16 in, int y, float[] k, int r, float[] out) {
    int w = in.width;
    int row = in.startIndex + y * in.stride;
    int o = y * w;
    int interiorStart = Math.min(r, w);
    int interiorEnd = Math.max(interiorStart, w - r);
    for (int x = 0; x < interiorStart; x++) {
      out[o + x] = borderSample(in.data, row, w, x, k, r);
    }
    for (int x = interiorStart; x < interiorEnd; x++) {
      float s = 0;
      int base = row + x - r;
      for (int i = 0; i < k.length; i++) {
        s += k[i] * (in.data[base + i] & 0xFFFF);
      }
      out[o + x] = s;
    }
    for (int x = interiorEnd; x < w; x++) {
      out[o + x] = borderSample(in.data, row, w, x, k, r);
    }
  }

  private static float borderSample(short[] data, int row, int w, int x, float[] k, int r) {
    float s = 0;
    for (int i = -r; i <= r; i++) {
      int xx = Math.max(0, Math.min(w - 1, x + i));
      s += k[i + r] * (data[row + xx] & 0xFFFF);
    }
    return s;
  }

  private static void verticalRow(float[] in, int w, int h, int y, float[] k, int r, GrayU16 out) {
    float[] acc = new float[w];
    boolean interior = y >= r && y + r < h;
    for (int i = -r; i <= r; i++) {
      int yy = interior ? y + i : Math.max(0, Math.min(h - 1, y + i));
      float weight = k[i + r];
      int base = yy * w;
      for (int x = 0; x < w; x++) {
        acc[x] += weight * in[base + x];
      }
    }
    int row = out.startIndex + y * out.stride;
    for (int x = 0; x < w; x++) {
      out.data[row + x] = (short) Math.max(0, Math.min(65535, Math.round(acc[x])));
    }
  }
}
