// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.stream.IntStream;

/**
 * Gray-level morphology with a (2r+1)² square (Serra, "Image Analysis and Mathematical Morphology",
 * 1982), separable and O(1) per pixel for any r: rows and columns with the van Herk / Gil–Werman
 * block prefix and suffix extrema (branch-free loops; the column pass runs along whole rows and so
 * stays cache-friendly). Windows are clipped at the image edge. Extrema are exact, so the result
 * does not depend on how the work is split.
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
    // The closing's erosion and the opening's erosion make one erosion by 2r: a square of 2r is
    // the sum of two squares of r, also where windows are clipped (the frame is convex), and a
    // minimum is exact, so this is the same to the bit as dilate, erode, erode, dilate.
    float[] dilated = extremum(in, w, h, r, true);
    return extremum(extremum(dilated, w, h, 2 * r, false), w, h, r, true);
  }

  /** Square dilation ({@code max}) or erosion (min). */
  static float[] extremum(float[] in, int w, int h, int r, boolean max) {
    float[] rows = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> row(in, rows, y * w, w, r, max));
    return columns(rows, w, h, r, max);
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

  /** Row pass (van Herk 1992; Gil and Werman 1993) over the {@code n} samples from {@code start}. */
  private static void row(float[] in, float[] out, int start, int n, int r, boolean max) {
    int k = 2 * r + 1;
    float[] prefix = new float[n]; // extremum from the block start to the sample
    float[] suffix = new float[n]; // extremum from the sample to the block end
    for (int b0 = 0; b0 < n; b0 += k) {
      int b1 = Math.min(n, b0 + k) - 1;
      prefix[b0] = in[start + b0];
      for (int i = b0 + 1; i <= b1; i++) {
        prefix[i] = max ? Math.max(prefix[i - 1], in[start + i]) : Math.min(prefix[i - 1], in[start + i]);
      }
      suffix[b1] = in[start + b1];
      for (int i = b1 - 1; i >= b0; i--) {
        suffix[i] = max ? Math.max(suffix[i + 1], in[start + i]) : Math.min(suffix[i + 1], in[start + i]);
      }
    }
    // Inside, a window spans two blocks (or is one whole block, whose suffix and prefix agree).
    int i0 = Math.min(r, n);
    int i1 = Math.max(i0, n - r);
    if (max) {
      for (int i = i0; i < i1; i++) {
        out[start + i] = Math.max(suffix[i - r], prefix[i + r]);
      }
    } else {
      for (int i = i0; i < i1; i++) {
        out[start + i] = Math.min(suffix[i - r], prefix[i + r]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (i == i0 && i1 > i0) {
        i = i1 - 1;
        continue;
      }
      int lo = Math.max(0, i - r);
      int hi = Math.min(n - 1, i + r);
      if (lo / k != hi / k) {
        out[start + i] = max ? Math.max(suffix[lo], prefix[hi]) : Math.min(suffix[lo], prefix[hi]);
      } else {
        out[start + i] = lo % k == 0 ? prefix[hi] : suffix[lo]; // one block, as in the column pass
      }
    }
  }
}
