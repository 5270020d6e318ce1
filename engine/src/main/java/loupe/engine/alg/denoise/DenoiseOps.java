// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

import loupe.engine.Progress;
import loupe.engine.alg.denoise.impl.BackgroundDenoiser;
import loupe.engine.alg.denoise.impl.HaarNoiseEstimator;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Background denoising that never touches the jewelry: pixels with P == 65535 are copied
 * bit-exactly, no jewelry or edge pixel (P &gt; 0) is ever read into a background result, and the
 * blend from "as shot" to "denoised" happens on background pixels only.
 *
 * <p>Method: a mask-normalised self-guided filter (see {@code impl.MaskedGuidedFilter}) with its
 * edge threshold set from the estimated noise of one pixel and its radius scaled by the noise's
 * correlation length (see {@code impl.HaarNoiseEstimator}), so spatially correlated noise (an
 * upscale, demosaicing) is removed as well as white sensor noise. Against OpenCV's
 * {@code fastNlMeansDenoisingColored} (tuned h) the sweep PSNR and time ratios are in
 * docs/benchmarks.md.
 */
public final class DenoiseOps {
  /** Largest guided-filter radius, whatever the noise's correlation length. */
  public static final int MAX_RADIUS = 64;

  private DenoiseOps() {}

  /**
   * Noise σ per band from pure-background squares (Donoho's MAD of the diagonal Haar detail), at
   * the finest scale and at the scale where correlated noise decorrelates.
   *
   * @param image Not modified
   * @param productMask P, 65535 = jewelry; Not modified
   */
  public static NoiseEstimate estimateNoise(Planar image, GrayU16 productMask) {
    ImageChecks.sameSize(image, productMask);
    return HaarNoiseEstimator.estimate(image, productMask);
  }

  /** Estimates the noise, then denoises into a new image; see the full overload. */
  public static Planar denoiseBackground(Planar image, GrayU16 productMask, DenoiseConfig cfg, Progress progress) {
    return denoiseBackground(image, productMask, estimateNoise(image, productMask), null, cfg, progress);
  }

  /**
   * Denoises the background at full 16-bit precision.
   *
   * @param image Not modified
   * @param productMask P, 65535 = jewelry, background weight 65535 − P; Not modified
   * @param noise from {@link #estimateNoise}: ε follows each band's pixel σ (a NaN σ leaves that
   *     band unchanged) and the radius is {@code cfg.radius()} times the correlation length (at
   *     most {@value #MAX_RADIUS}), so that correlated noise is averaged over as many independent
   *     samples as white noise is
   * @param output Modified; null allocates. Must not share samples with {@code image}.
   * @return output: P == 65535 → input copied; elsewhere input + w·(denoised − input), w = 0 for
   *     every P &gt; 0 and ramping to 1 over {@code cfg.feather()} background pixels
   */
  public static Planar denoiseBackground(Planar image, GrayU16 productMask, NoiseEstimate noise, Planar output,
      DenoiseConfig cfg, Progress progress) {
    ImageChecks.sameSize(image, productMask);
    if (noise.numBands() != image.numBands()) {
      throw new IllegalArgumentException(
          "noise estimate has " + noise.numBands() + " bands, image has " + image.numBands());
    }
    Planar out = ImageChecks.reshape(output, image.numBands(), image.width, image.height);
    for (int c = 0; c < image.numBands(); c++) {
      if (out.bands[c].data == image.bands[c].data) {
        throw new IllegalArgumentException("output band " + c + " shares its samples with the input");
      }
    }
    if (cfg.strength() == 0) {
      out.setTo(image);
      return out;
    }
    double[] epsilon = new double[image.numBands()];
    for (int c = 0; c < epsilon.length; c++) {
      double sigma = noise.pixelSigma()[c];
      double e = cfg.strength() * cfg.edgeSigmas() * sigma / 65535.0;
      epsilon[c] = Double.isNaN(e) ? 0 : e * e;
    }
    int radius = (int) Math.min(MAX_RADIUS, Math.round(cfg.radius() * noise.correlationLength()));
    BackgroundDenoiser.run(image, productMask, out, epsilon, radius, cfg.feather(), progress);
    return out;
  }
}
