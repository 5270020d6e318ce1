// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

/**
 * Fills the unknown samples of a field smoothly from the known ones, whatever the size of the
 * holes: the pull-push scheme of Gortler, Grzeszczuk, Szeliski, Cohen ("The Lumigraph", SIGGRAPH
 * 1996). Pull: halve the resolution with weight-normalised 2×2 means and weights min(1, Σw) until
 * one sample remains. Push: from the coarsest level down, a sample of weight w becomes w·own +
 * (1 − w)·(bilinear from the coarser level). Known samples (w = 1) are kept exactly.
 */
public final class PushPull {
  private PushPull() {}

  /**
   * @param value width×height samples; unknown ones are overwritten with the fill, Modified
   * @param weight width×height weights in 0..1 (1 = known, 0 = unknown); Not modified
   */
  public static void fill(float[] value, float[] weight, int width, int height) {
    if (width <= 1 && height <= 1) {
      return;
    }
    int cw = (width + 1) / 2;
    int ch = (height + 1) / 2;
    float[] coarse = new float[cw * ch];
    float[] coarseWeight = new float[cw * ch];
    for (int y = 0; y < ch; y++) {
      for (int x = 0; x < cw; x++) {
        double sw = 0;
        double sv = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int fx = 2 * x + dx;
            int fy = 2 * y + dy;
            if (fx < width && fy < height) {
              float w = weight[fy * width + fx];
              sw += w;
              sv += w * value[fy * width + fx];
            }
          }
        }
        coarse[y * cw + x] = sw > 0 ? (float) (sv / sw) : 0f;
        coarseWeight[y * cw + x] = (float) Math.min(1, sw);
      }
    }
    fill(coarse, coarseWeight, cw, ch);
    for (int y = 0; y < height; y++) {
      // Fine pixel centre y sits at (y − 0.5)/2 in coarse pixel coordinates.
      double cy = Math.max(0, Math.min(ch - 1, (y - 0.5) / 2));
      int y0 = (int) cy;
      int y1 = Math.min(ch - 1, y0 + 1);
      double fy = cy - y0;
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        float w = weight[i];
        if (w >= 1) {
          continue;
        }
        double cx = Math.max(0, Math.min(cw - 1, (x - 0.5) / 2));
        int x0 = (int) cx;
        int x1 = Math.min(cw - 1, x0 + 1);
        double fx = cx - x0;
        double top = coarse[y0 * cw + x0] + fx * (coarse[y0 * cw + x1] - coarse[y0 * cw + x0]);
        double bottom = coarse[y1 * cw + x0] + fx * (coarse[y1 * cw + x1] - coarse[y1 * cw + x0]);
        double up = top + fy * (bottom - top);
        value[i] = (float) (w * value[i] + (1 - w) * up);
      }
    }
  }
}
