// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import loupe.engine.alg.mask.BorderType;
import loupe.engine.image.GrayU16;

/**
 * Separable Gaussian blur of a 16-bit mask with integer arithmetic: a horizontal pass into a
 * 16-bit buffer, then a vertical pass. Each pass computes Σ wᵢ·vᵢ with weights summing to 2¹⁶;
 * the sum is below 2³² and is read as unsigned, then rounded by {@code (sum + 2¹⁵) >>> 16}.
 */
public final class ImplGaussianFeather {
  private ImplGaussianFeather() {}

  /** Blurs {@code input} (Not modified) into {@code output} (Modified; may be {@code input}). */
  public static void blur(GrayU16 input, GrayU16 output, GaussianKernel kernel, BorderType border) {
    int[] weights = new int[kernel.width()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = kernel.weight(i - kernel.radius);
    }
    GrayU16 horizontal = new GrayU16(input.width, input.height);
    int[] sums = new int[input.width];
    for (int y = 0; y < input.height; y++) {
      horizontalRow(input, y, horizontal, weights, border, sums);
    }
    vertical(horizontal, output, kernel, border);
  }

  private static void horizontalRow(GrayU16 in, int y, GrayU16 out, int[] weights, BorderType border, int[] sums) {
    int w = in.width;
    int r = weights.length / 2;
    short[] src = in.data;
    int row = in.startIndex + y * in.stride;
    int dst = out.startIndex + y * out.stride;
    int interiorStart = Math.min(r, w);
    int interiorEnd = Math.max(interiorStart, w - r);
    // Interior: every tap is inside the row, no index mapping; tap-major so the loop over x
    // vectorises.
    // The kernel is symmetric: one multiply per pair of taps. An off-centre weight is below 2¹⁵,
    // so w·(a + b) stays below 2³² (the sum is read unsigned).
    int centre = weights[r];
    for (int x = interiorStart; x < interiorEnd; x++) {
      sums[x] = 32768 + centre * (src[row + x] & 0xFFFF);
    }
    for (int i = 1; i <= r; i++) {
      int weight = weights[r + i];
      int left = row - i;
      int right = row + i;
      for (int x = interiorStart; x < interiorEnd; x++) {
        sums[x] += weight * ((src[left + x] & 0xFFFF) + (src[right + x] & 0xFFFF));
      }
    }
    for (int x = interiorStart; x < interiorEnd; x++) {
      out.data[dst + x] = (short) (sums[x] >>> 16);
    }
    for (int x = 0; x < interiorStart; x++) {
      out.data[dst + x] = (short) borderTap(src, row, w, x, weights, border);
    }
    for (int x = interiorEnd; x < w; x++) {
      out.data[dst + x] = (short) borderTap(src, row, w, x, weights, border);
    }
  }

  /** One output sample near the row ends: taps are mapped back into the row. */
  private static int borderTap(short[] src, int row, int w, int x, int[] weights, BorderType border) {
    int r = weights.length / 2;
    int sum = 32768;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * (src[row + border.map(x + i - r, w)] & 0xFFFF);
    }
    return sum >>> 16;
  }

  /** The vertical pass visits rows, not columns, so it reads memory in order; border rows are
   * handled by mapping the row index once per tap and row. */
  private static void vertical(GrayU16 in, GrayU16 out, GaussianKernel k, BorderType border) {
    int w = in.width;
    int h = in.height;
    int r = k.radius;
    int[] sums = new int[w];
    for (int y = 0; y < h; y++) {
      int centre = in.startIndex + y * in.stride;
      int weight0 = k.weight(0);
      for (int x = 0; x < w; x++) {
        sums[x] = 32768 + weight0 * (in.data[centre + x] & 0xFFFF);
      }
      for (int i = 1; i <= r; i++) {
        int weight = k.weight(i);
        int above = in.startIndex + border.map(y - i, h) * in.stride;
        int below = in.startIndex + border.map(y + i, h) * in.stride;
        for (int x = 0; x < w; x++) {
          sums[x] += weight * ((in.data[above + x] & 0xFFFF) + (in.data[below + x] & 0xFFFF));
        }
      }
      int dst = out.startIndex + y * out.stride;
      for (int x = 0; x < w; x++) {
        out.data[dst + x] = (short) (sums[x] >>> 16);
      }
    }
  }
}
