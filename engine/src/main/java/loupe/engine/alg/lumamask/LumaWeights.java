// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

/**
 * How luminance L is computed from R, G, B: L = wr·R + wg·G + wb·B. Per pixel this is evaluated in
 * integers with the weights scaled to 2¹⁶ (they sum to exactly 65536, so gray pixels keep their
 * value: R = G = B = v gives L = v) and rounded to nearest; the result is within 1 of the
 * correctly rounded real-weight value.
 */
public enum LumaWeights {
  /** Rec. ITU-R BT.709 / sRGB luminance coefficients: 0.2126, 0.7152, 0.0722. The default. */
  REC709(0.2126, 0.7152, 0.0722, 13933, 46871, 4732),
  /**
   * Rec. 601 luma coefficients: 0.299, 0.587, 0.114, close to what Photoshop loads when the RGB
   * composite channel is Ctrl-clicked (the classic TK Lights 1).
   */
  REC601(0.299, 0.587, 0.114, 19595, 38470, 7471);

  public final double red;
  public final double green;
  public final double blue;
  /** The weights × 2¹⁶, rounded so that they sum to 65536. */
  public final int redFixed;
  public final int greenFixed;
  public final int blueFixed;

  LumaWeights(double red, double green, double blue, int redFixed, int greenFixed, int blueFixed) {
    this.red = red;
    this.green = green;
    this.blue = blue;
    this.redFixed = redFixed;
    this.greenFixed = greenFixed;
    this.blueFixed = blueFixed;
  }

  /**
   * L for 16-bit samples. The weighted sum can exceed 2³¹ but stays below 2³², so it is formed
   * with wrapping int arithmetic and read back unsigned.
   */
  public int luminance(int r, int g, int b) {
    return (redFixed * r + greenFixed * g + blueFixed * b + 32768) >>> 16;
  }
}
