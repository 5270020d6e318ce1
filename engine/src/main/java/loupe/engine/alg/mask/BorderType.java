// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

/**
 * How a neighbourhood op reads samples outside the image. Indices are mapped back inside, so a
 * normalised kernel keeps a constant image exactly constant up to the border.
 */
public enum BorderType {
  /** Repeat the edge sample: {@code aaa|abcd|ddd}. The default for masks: a product touching the
   * canvas edge is assumed to continue past it. */
  EXTEND,
  /** Mirror without repeating the edge sample: {@code dcb|abcd|cba} (OpenCV's REFLECT_101). */
  REFLECT;

  /** Maps index {@code i} (any int) into 0..n−1 for a line of {@code n ≥ 1} samples. */
  public int map(int i, int n) {
    if (i >= 0 && i < n) {
      return i;
    }
    if (this == EXTEND || n == 1) {
      return i < 0 ? 0 : n - 1;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}
