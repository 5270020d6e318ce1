// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * The guided filter with a gray guide (K. He, J. Sun, X. Tang, "Guided Image Filtering", IEEE
 * TPAMI 35(6), 2013, Algorithm 1): in each window the output is a linear function a·I + b of the
 * guide, fitted to the input mask by ridge regression with regulariser ε; a and b are then
 * averaged over the windows covering each pixel. Mask edges snap to guide edges, and thin
 * structures that differ from their surroundings in the guide survive at full resolution.
 */
public final class ImplGuidedFilter {
  private ImplGuidedFilter() {}

  /**
   * Filters {@code mask} (Not modified) over {@code region}, guided by {@code guide} (Not
   * modified), into the same region of {@code output} (Modified). Samples are scaled to [0,1].
   */
  public static void filter(GrayU16 mask, GrayU16 guide, Rect region, int radius, double epsilon,
      GrayU16 output) {
    int w = region.width();
    int h = region.height();
    int n = w * h;
    float[] i = toUnit(guide, region);
    float[] p = toUnit(mask, region);
    float[] meanI = new float[n];
    float[] meanP = new float[n];
    float[] corrII = new float[n];
    float[] corrIP = new float[n];
    ImplBoxMean.mean(i, null, w, h, radius, meanI);
    ImplBoxMean.mean(p, null, w, h, radius, meanP);
    ImplBoxMean.mean(i, i, w, h, radius, corrII);
    ImplBoxMean.mean(i, p, w, h, radius, corrIP);
    float[] a = corrII;
    float[] b = corrIP;
    for (int k = 0; k < n; k++) {
      double mi = meanI[k];
      double variance = corrII[k] - mi * mi;
      double covariance = corrIP[k] - mi * meanP[k];
      double ak = covariance / (variance + epsilon);
      a[k] = (float) ak;
      b[k] = (float) (meanP[k] - ak * mi);
    }
    float[] meanA = meanP;
    float[] meanB = meanI;
    ImplBoxMean.mean(a, null, w, h, radius, meanA);
    ImplBoxMean.mean(b, null, w, h, radius, meanB);
    for (int y = 0; y < h; y++) {
      int dst = output.startIndex + (region.top() + y) * output.stride + region.left();
      for (int x = 0; x < w; x++) {
        int k = y * w + x;
        output.data[dst + x] = (short) MaskMath.fromFraction((double) meanA[k] * i[k] + meanB[k]);
      }
    }
  }

  private static float[] toUnit(GrayU16 image, Rect region) {
    int w = region.width();
    float[] out = new float[w * region.height()];
    for (int y = 0; y < region.height(); y++) {
      int src = image.startIndex + (region.top() + y) * image.stride + region.left();
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (image.data[src + x] & 0xFFFF) / 65535f;
      }
    }
    return out;
  }
}
