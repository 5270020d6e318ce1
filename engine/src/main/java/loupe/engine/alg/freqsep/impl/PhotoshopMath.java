// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep.impl;

/**
 * Photoshop's integer maths for frequency separation, as documented in
 * {@code shared/design/retouch-facts.md} §5 and assumed where Adobe publishes nothing:
 *
 * <ul>
 *   <li>16-bit documents live on 0..32768 inside Photoshop; files and our storage use 0..65535.
 *       We assume round-to-nearest both ways: v15 = (v16·32768 + 32767) div 65535 and v16 =
 *       (v15·65535 + 16384) div 32768, so every 15-bit value survives the round trip.
 *   <li>8-bit Linear Light is Linear Burn with 2·blend below 128 and Linear Dodge with 2·(blend −
 *       128) from 128: out = base + 2·blend − 255 or base + 2·blend − 256, clamped to 0..255.
 *   <li>16-bit Linear Light on 0..32768: out = base + 2·blend − 32768, clamped; 16384 is an exact
 *       midpoint, so both halves are one formula.
 *   <li>8-bit Apply Image Subtract, Scale 2, Offset 128 computes (I − L) div 2 + 128 with the
 *       quotient floored (an arithmetic shift).
 * </ul>
 */
public final class PhotoshopMath {
  public static final int MAX15 = 32768;
  public static final int HALF15 = 16384;

  private PhotoshopMath() {}

  /** 16-bit storage (0..65535) to Photoshop's 0..32768. */
  public static int to15(int v16) {
    return (int) (((long) v16 * MAX15 + 32767) / 65535);
  }

  /** Photoshop's 0..32768 to 16-bit storage (0..65535). */
  public static int to16(int v15) {
    return (int) (((long) v15 * 65535 + HALF15) / MAX15);
  }

  /** 8-bit Linear Light. */
  public static int linearLight8(int base, int blend) {
    int out = blend < 128 ? base + 2 * blend - 255 : base + 2 * blend - 256;
    return Math.max(0, Math.min(255, out));
  }

  /** 16-bit Linear Light on 0..32768. */
  public static int linearLight15(int base, int blend) {
    return Math.max(0, Math.min(MAX15, base + 2 * blend - MAX15));
  }

  /** 8-bit high layer: Apply Image Subtract (Low), Scale 2, Offset 128. */
  public static int high8(int image, int low) {
    return Math.floorDiv(image - low, 2) + 128;
  }

  /**
   * 16-bit high layer on 0..32768, (I − Low)/2 + 16384, rounded to nearest from the exact 16-bit
   * image value I16·32768/65535 rather than from its rounded 15-bit copy. Linear Light then gives
   * back I within 1/32768 of full scale, measured against the 16-bit original itself.
   */
  public static int high15(int image16, int low15) {
    long numerator = (long) image16 * MAX15 - (long) low15 * 65535 + 65535L * (MAX15 + 1);
    return (int) Math.max(0, Math.min(MAX15, Math.floorDiv(numerator, 2L * 65535)));
  }
}
