// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

/**
 * The sRGB transfer curve (IEC 61966-2-1) between 16-bit storage and linear light, through
 * tables: decoding is exact per storage value; encoding is exact on the linear segment and
 * interpolates a 65536-entry table of the power segment elsewhere (the table continues the power
 * law below the knee, so no interval straddles the kink), within 0.005 storage units.
 */
public final class Srgb {
  private static final int ENCODE_STEPS = 65535;
  private static final double KNEE = 0.0031308;
  private static final float[] DECODE = new float[65536];
  private static final double[] ENCODE = new double[ENCODE_STEPS + 2];

  static {
    for (int v = 0; v < DECODE.length; v++) {
      DECODE[v] = (float) toLinear(v / 65535.0);
    }
    for (int i = 0; i <= ENCODE_STEPS; i++) {
      ENCODE[i] = power(i / (double) ENCODE_STEPS) * 65535.0;
    }
    ENCODE[ENCODE_STEPS + 1] = ENCODE[ENCODE_STEPS];
  }

  private Srgb() {}

  /** Linear light (0..1) of a 16-bit storage value. */
  public static float decode(int stored) {
    return DECODE[stored];
  }

  /** Storage value (0..65535, rounded) of linear light, clamped to 0..1 first. */
  public static int encode(double linear) {
    return (int) Math.round(encodeExact(linear));
  }

  /** Storage value before rounding, for callers that form ratios of encoded values. */
  public static double encodeExact(double linear) {
    double clamped = Math.max(0, Math.min(1, linear));
    if (clamped <= KNEE) {
      return clamped * 12.92 * 65535.0;
    }
    double t = clamped * ENCODE_STEPS;
    int i = (int) t;
    double f = t - i;
    return ENCODE[i] + f * (ENCODE[i + 1] - ENCODE[i]);
  }

  /** IEC 61966-2-1 decoding of a normalised encoded value. */
  public static double toLinear(double encoded) {
    return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
  }

  /** IEC 61966-2-1 encoding of normalised linear light. */
  public static double fromLinear(double linear) {
    return linear <= KNEE ? linear * 12.92 : power(linear);
  }

  private static double power(double linear) {
    return 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  }
}
