// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

/**
 * Parameters of {@link DenoiseOps#denoiseBackground}.
 *
 * @param strength the panel slider, 0..1: scales the edge threshold ε = (strength·edgeSigmas·σ)²
 *     of the guided filter; 0 returns the input unchanged, 1 flattens everything whose local
 *     contrast is within about {@code edgeSigmas}·σ of the noise
 * @param radius box radius of the guided filter in pixels for white noise (the smoothing reaches
 *     2·radius); multiplied by the noise's correlation length
 * @param edgeSigmas ε in units of the estimated noise σ of one pixel at strength 1
 * @param feather width in pixels of the ramp from "kept as shot" (every pixel with P &gt; 0) to
 *     "fully denoised", laid entirely on background pixels
 */
public record DenoiseConfig(double strength, int radius, double edgeSigmas, int feather) {
  public static final DenoiseConfig DEFAULT = new DenoiseConfig(1.0, 5, 2.0, 2);

  public DenoiseConfig {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be in 0..1, got " + strength);
    }
    if (radius < 1 || radius > DenoiseOps.MAX_RADIUS) {
      throw new IllegalArgumentException("radius must be in 1.." + DenoiseOps.MAX_RADIUS + " pixels, got " + radius);
    }
    if (!(edgeSigmas > 0 && edgeSigmas <= 100)) {
      throw new IllegalArgumentException("edgeSigmas must be in (0, 100], got " + edgeSigmas);
    }
    if (feather < 0 || feather > 64) {
      throw new IllegalArgumentException("feather must be in 0..64 pixels, got " + feather);
    }
  }

  public DenoiseConfig withStrength(double value) {
    return new DenoiseConfig(value, radius, edgeSigmas, feather);
  }
}
