// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Splits the source pixels of a crop into a smooth part and a residual grain: smooth = the
 * Gaussian-weighted mean of nearby SOURCE pixels (normalised convolution, Knutsson and Westin, CVPR
 * 1993), so no other pixel leaks in; grain = sample − smooth. Fills interpolate or vote the smooth
 * part and copy real grain, which keeps sensor noise and paper texture in the fill.
 */
final class TextureSplit {
  private TextureSplit() {}

  /**
   * The smooth part at every pixel with a SOURCE pixel within 3σ (NaN elsewhere), interleaved like
   * {@link CropImage#v}.
   *
   * @param crop Not modified.
   */
  static float[] smooth(CropImage crop, double sigma) {
    return smooth(crop, sigma, CropImage.SOURCE);
  }

  /** The same, averaging the pixels in state {@code of} (a fill's own smooth part: HOLE). */
  static float[] smooth(CropImage crop, double sigma, byte of) {
    int w = crop.width;
    int h = crop.height;
    int nb = crop.bands;
    int n = w * h;
    int r = (int) Math.ceil(3 * sigma);
    float[] kernel = new float[2 * r + 1];
    for (int i = -r; i <= r; i++) {
      kernel[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
    }
    float[] weight = new float[n];
    for (int p = 0; p < n; p++) {
      weight[p] = crop.state[p] == of ? 1 : 0;
    }
    float[] tmp = new float[n];
    float[] norm = new float[n];
    blur(weight, tmp, norm, w, h, kernel);
    float[] plane = new float[n];
    float[] blurred = new float[n];
    float[] out = new float[n * nb];
    for (int c = 0; c < nb; c++) {
      int band = c;
      IntStream.range(0, n).parallel().forEach(p -> plane[p] = weight[p] * crop.v[p * nb + band]);
      blur(plane, tmp, blurred, w, h, kernel);
      IntStream.range(0, n).parallel()
          .forEach(p -> out[p * nb + band] = norm[p] > 1e-6f ? blurred[p] / norm[p] : Float.NaN);
    }
    return out;
  }

  /** Separable convolution with zero padding: rows into {@code tmp}, then columns into {@code out}. */
  private static void blur(float[] in, float[] tmp, float[] out, int w, int h, float[] kernel) {
    int r = kernel.length / 2;
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int k0 = Math.max(-r, -x);
        int k1 = Math.min(r, w - 1 - x);
        float sum = 0;
        for (int k = k0; k <= k1; k++) {
          sum += kernel[k + r] * in[row + x + k];
        }
        tmp[row + x] = sum;
      }
    });
    IntStream.range(0, h).parallel().forEach(y -> {
      int dst = y * w;
      Arrays.fill(out, dst, dst + w, 0);
      // Row-at-a-time accumulation keeps the inner loop contiguous.
      for (int k = Math.max(-r, -y); k <= Math.min(r, h - 1 - y); k++) {
        float g = kernel[k + r];
        int src = (y + k) * w;
        for (int x = 0; x < w; x++) {
          out[dst + x] += g * tmp[src + x];
        }
      }
    });
  }

  /** sample − smooth at SOURCE pixels, 0 elsewhere. */
  static float[] grain(CropImage crop, float[] smooth) {
    float[] out = new float[crop.v.length];
    int nb = crop.bands;
    IntStream.range(0, crop.state.length).parallel().forEach(p -> {
      if (crop.state[p] == CropImage.SOURCE) {
        for (int c = 0; c < nb; c++) {
          out[p * nb + c] = crop.v[p * nb + c] - smooth[p * nb + c];
        }
      }
    });
    return out;
  }
}
