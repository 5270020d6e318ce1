// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * Exact 16-bit mask arithmetic. A sample v stands for the fraction v/65535; every product is
 * rounded to the nearest integer (ties cannot occur because 65535 is odd), so A·65535 = A,
 * A·0 = 0 and invert(invert(A)) = A hold exactly.
 */
public final class MaskMath {
  /** The sample value of a fully selected pixel. */
  public static final int FULL = 65535;

  private MaskMath() {}

  /**
   * round(a·b / 65535) for a, b in 0..65535, without a division: Blinn's correction (J. Blinn,
   * "Three wrongs make a right", IEEE CG&amp;A 1995) widened to 16 bits. The intermediate fits in 32
   * unsigned bits, hence the unsigned shifts; it equals {@code (a*b + 32767) / 65535} for all 2³²
   * pairs (checked exhaustively once; the tests re-check a dense sample).
   */
  public static int mul(int a, int b) {
    int t = a * b + 32768;
    return (t + (t >>> 16)) >>> 16;
  }

  /** Union A + B − A·B (Photoshop "add to selection", Screen). */
  public static int add(int a, int b) {
    return a + b - mul(a, b);
  }

  /** A·(1 − B) (Photoshop "subtract from selection"). */
  public static int subtract(int a, int b) {
    return mul(a, FULL - b);
  }

  /** 1 − A. */
  public static int invert(int a) {
    return FULL - a;
  }

  /** {@code fraction} in [0,1] (clamped) to the nearest sample value. */
  public static int fromFraction(double fraction) {
    if (!(fraction > 0)) {
      return 0;
    }
    return fraction >= 1 ? FULL : (int) (fraction * FULL + 0.5);
  }
}
