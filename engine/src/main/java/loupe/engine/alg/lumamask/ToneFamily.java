// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

/**
 * The TK luminosity-mask families on a value t in [0,1] (Kuyper; see retouch-facts §4.2):
 * Lights n = tⁿ, Darks n = (1−t)ⁿ, Midtones n = (1−tⁿ)(1−(1−t)ⁿ) (All − Lights n − Darks n in
 * selection algebra).
 */
public enum ToneFamily {
  LIGHTS("lights", 6),
  DARKS("darks", 6),
  MIDTONES("midtones", 5);

  /** The word in mask names: {@code lights3}. */
  public final String word;
  public final int maxOrder;

  ToneFamily(String word, int maxOrder) {
    this.word = word;
    this.maxOrder = maxOrder;
  }

  public double apply(double t, int order) {
    return switch (this) {
      case LIGHTS -> power(t, order);
      case DARKS -> power(1 - t, order);
      case MIDTONES -> (1 - power(t, order)) * (1 - power(1 - t, order));
    };
  }

  /** True if order {@code narrow} selects less than order {@code wide} (Lights 4 ⊂ Lights 2). */
  public boolean isNarrower(int narrow, int wide) {
    return this == MIDTONES ? narrow < wide : narrow > wide;
  }

  /** tⁿ by repeated multiplication: exact for the small orders used here, and no pow() call. */
  private static double power(double t, int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p *= t;
    }
    return p;
  }
}
