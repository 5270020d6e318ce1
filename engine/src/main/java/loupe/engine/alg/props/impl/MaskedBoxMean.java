// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

/**
 * Mean over a (2r+1)² window of the valid pixels only (normalised convolution with a box, Knutsson
 * and Westin, "Normalized and differential convolution", CVPR 1993), through summed-area tables
 * (Crow, SIGGRAPH 1984): the window is clipped at the frame, and a pixel whose window holds no
 * valid pixel gets 0.
 */
public final class MaskedBoxMean {
  private MaskedBoxMean() {}

  /**
   * @param values row-major, width × height; Not modified
   * @param valid which pixels contribute; Not modified
   * @return a new array of the window means
   */
  public static float[] mean(float[] values, boolean[] valid, int width, int height, int radius) {
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be ≥ 0, got " + radius);
    }
    int sw = width + 1;
    double[] sum = new double[sw * (height + 1)];
    int[] count = new int[sw * (height + 1)];
    for (int y = 0; y < height; y++) {
      double rowSum = 0;
      int rowCount = 0;
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        if (valid[i]) {
          rowSum += values[i];
          rowCount++;
        }
        int s = (y + 1) * sw + x + 1;
        sum[s] = sum[s - sw] + rowSum;
        count[s] = count[s - sw] + rowCount;
      }
    }
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      int top = Math.max(0, y - radius) * sw;
      int bottom = Math.min(height, y + radius + 1) * sw;
      for (int x = 0; x < width; x++) {
        int left = Math.max(0, x - radius);
        int right = Math.min(width, x + radius + 1);
        int n = count[bottom + right] - count[bottom + left] - count[top + right] + count[top + left];
        if (n > 0) {
          double s = sum[bottom + right] - sum[bottom + left] - sum[top + right] + sum[top + left];
          out[y * width + x] = (float) (s / n);
        }
      }
    }
    return out;
  }
}
