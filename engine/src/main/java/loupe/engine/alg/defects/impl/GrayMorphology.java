// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.stream.IntStream;

/**
 * Gray-level morphology with a (2r+1)² square (Serra, "Image Analysis and Mathematical Morphology",
 * 1982), separable and O(1) per pixel for any r: rows with a monotonic queue, columns with the van
 * Herk / Gil–Werman block prefix and suffix extrema, which run along whole rows and so stay
 * cache-friendly. Windows are clipped at the image edge.
 */
public final class GrayMorphology {
  private GrayMorphology() {}

  /**
   * Closing then opening: removes dark and bright features narrower than 2r + 1 and keeps broader
   * shading, the smooth background a speck or a hair sits on.
   *
   * @param in Not modified.
   */
  public static float[] closeOpen(float[] in, int w, int h, int r) {
    float[] closed = extremum(extremum(in, w, h, r, true), w, h, r, false);
    return extremum(extremum(closed, w, h, r, false), w, h, r, true);
  }

  /** Square dilation ({@code max}) or erosion (min). */
  static float[] extremum(float[] in, int w, int h, int r, boolean max) {
    float[] rows = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> slide(in, rows, y * w, 1, w, r, max));
    return columns(rows, w, h, r, max);
  }

  /** True when {@code old} can never again be the window's extremum once {@code v} has entered. */
  private static boolean dominated(float old, float v, boolean max) {
    return max ? old <= v : old >= v;
  }

  /** Column pass (van Herk 1992; Gil and Werman 1993) over blocks of 2r + 1 rows. */
  private static float[] columns(float[] in, int w, int h, int r, boolean max) {
    int k = 2 * r + 1;
    float[] prefix = new float[w * h]; // extremum from the block start down to the row
    float[] suffix = new float[w * h]; // extremum from the row down to the block end
    IntStream.range(0, (h + k - 1) / k).parallel().forEach(block -> {
      int y0 = block * k;
      int y1 = Math.min(h, y0 + k) - 1;
      System.arraycopy(in, y0 * w, prefix, y0 * w, w);
      for (int y = y0 + 1; y <= y1; y++) {
        combine(prefix, (y - 1) * w, in, y * w, prefix, y * w, w, max);
      }
      System.arraycopy(in, y1 * w, suffix, y1 * w, w);
      for (int y = y1 - 1; y >= y0; y--) {
        combine(suffix, (y + 1) * w, in, y * w, suffix, y * w, w, max);
      }
    });
    float[] out = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int lo = Math.max(0, y - r);
      int hi = Math.min(h - 1, y + r);
      if (lo / k != hi / k) {
        // Two blocks: suffix[lo] covers the end of the first, prefix[hi] the start of the second.
        combine(suffix, lo * w, prefix, hi * w, out, y * w, w, max);
      } else if (lo % k == 0) {
        System.arraycopy(prefix, hi * w, out, y * w, w); // one block from its start (top edge, or aligned)
      } else {
        System.arraycopy(suffix, lo * w, out, y * w, w); // one block to its end (the bottom edge)
      }
    });
    return out;
  }

  private static void combine(float[] a, int ai, float[] b, int bi, float[] out, int oi, int n, boolean max) {
    if (max) {
      for (int i = 0; i < n; i++) {
        out[oi + i] = Math.max(a[ai + i], b[bi + i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[oi + i] = Math.min(a[ai + i], b[bi + i]);
      }
    }
  }

  /** Running extremum over a line of {@code n} samples at {@code start + i·step}. */
  private static void slide(float[] in, float[] out, int start, int step, int n, int r, boolean max) {
    int[] queue = new int[n]; // indices along the line, values monotonic from head to tail
    int head = 0;
    int tail = 0;
    int next = 0;
    for (int i = 0; i < n; i++) {
      int last = Math.min(n - 1, i + r);
      for (; next <= last; next++) {
        float v = in[start + next * step];
        while (tail > head && dominated(in[start + queue[tail - 1] * step], v, max)) {
          tail--;
        }
        queue[tail++] = next;
      }
      while (queue[head] < i - r) {
        head++;
      }
      out[start + i * step] = in[start + queue[head] * step];
    }
  }
}
