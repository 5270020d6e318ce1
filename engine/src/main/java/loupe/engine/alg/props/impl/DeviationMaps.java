// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.Arrays;

/**
 * How each work pixel departs from the fitted sweep, split into what a shadow can and cannot do.
 * A shadow (any occluder's, under one light) scales the sweep's light by a gain ρ &lt; 1 that is
 * the same in every band; a prop's material also changes the colour. So per work pixel: the gain
 * ρ = mean over bands of observed/sweep (linear light), and the colour departure e_c =
 * (observed_c/sweep_c)/ρ − 1, averaged over a window of non-product pixels (noise falls, a
 * material's colour stays), with chroma = |mean e|.
 *
 * @param gain ρ per work pixel (1 on the sweep; product pixels are not meaningful)
 * @param chroma windowed |e| per work pixel (0 on a neutral sweep, shadow included)
 * @param gainNoise robust scale (1.4826·MAD) of ρ − 1 over the sample pixels
 * @param chromaNoise median chroma over the sample pixels: the level the noise alone reaches
 */
public record DeviationMaps(int width, int height, float[] gain, float[] chroma, double gainNoise,
    double chromaNoise) {

  /**
   * @param shot Not modified
   * @param surface the sweep, fitted to log linear values of {@code shot}
   * @param sample the pixels that estimate the noise (background, props and shadows included: the
   *     scales are robust); Not modified
   * @param chromaRadius half-size of the colour window, work pixels
   */
  public static DeviationMaps measure(ReducedShot shot, RobustSurface surface, boolean[] sample, int chromaRadius) {
    int w = shot.width();
    int h = shot.height();
    int bands = shot.numBands();
    float[] gain = new float[w * h];
    float[][] colour = new float[bands][w * h];
    double[] ratio = new double[bands];
    double[] sweep = new double[bands];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        surface.values(x, y, sweep);
        double mean = 0;
        for (int c = 0; c < bands; c++) {
          ratio[c] = shot.linear()[c][i] / sweep[c];
          mean += ratio[c];
        }
        mean /= bands;
        gain[i] = (float) mean;
        for (int c = 0; c < bands; c++) {
          colour[c][i] = (float) (ratio[c] / Math.max(1e-6, mean) - 1);
        }
      }
    }
    boolean[] valid = new boolean[w * h];
    for (int i = 0; i < valid.length; i++) {
      valid[i] = !shot.product()[i];
    }
    float[] chroma = new float[w * h];
    for (int c = 0; c < bands; c++) {
      float[] m = MaskedBoxMean.mean(colour[c], valid, w, h, chromaRadius);
      for (int i = 0; i < chroma.length; i++) {
        chroma[i] += m[i] * m[i];
      }
    }
    for (int i = 0; i < chroma.length; i++) {
      chroma[i] = (float) Math.sqrt(chroma[i]);
    }
    return new DeviationMaps(w, h, gain, chroma, 1.4826 * medianAbsDeviationFromOne(gain, sample),
        median(chroma, sample));
  }

  private static double medianAbsDeviationFromOne(float[] gain, boolean[] sample) {
    float[] d = new float[gain.length];
    for (int i = 0; i < gain.length; i++) {
      d[i] = Math.abs(gain[i] - 1);
    }
    return median(d, sample);
  }

  /** The median of {@code values} where {@code sample} is true; 0 when it is nowhere. */
  static double median(float[] values, boolean[] sample) {
    int n = 0;
    float[] picked = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      if (sample[i]) {
        picked[n++] = values[i];
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(picked, 0, n);
    return picked[n / 2];
  }
}
