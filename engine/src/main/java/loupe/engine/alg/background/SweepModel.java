// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

/**
 * A fitted studio sweep in linear light, per band: {@code sweep_c(x, y) = exp(Σ_k β_ck φ_k(u, v))}
 * times the lens vignette {@code gain = 1 − s·r²/r_corner²}.
 *
 * <p>Coordinates are centred and scaled by the half diagonal: u = (x − W/2)/r_corner, v = (y −
 * H/2)/r_corner, r² = u² + v² (so r_corner is the half diagonal). The basis is v⁰..v^degreeY (the
 * sweep's light changes along its bend, top to bottom, in any smooth way) and u·v⁰..u·v^(crossTerms
 * − 1) (a tilt from a side light that may change with height). There is no u² term: a paper sweep
 * is bent along y only, so curvature along x is attributed to the radially symmetric vignette, and
 * the vignette's y² part then follows from its x² part. That is how the two are told apart.
 *
 * @param logCoefficients β per band, v powers first, then the u·v powers
 * @param vignetteStrength s, the fraction of light lost in the corners
 * @param samples number of background cells the fit used
 * @param residualScale robust scale (1.4826·MAD) of the log residuals at the last iteration, a
 *     relative error: 0.005 means the sweep fits the background to about 0.5%
 */
public record SweepModel(int width, int height, int degreeY, int crossTerms, double[][] logCoefficients,
    double vignetteStrength, long samples, double residualScale) {

  public SweepModel {
    logCoefficients = logCoefficients.clone();
    for (int c = 0; c < logCoefficients.length; c++) {
      if (logCoefficients[c].length != degreeY + 1 + crossTerms) {
        throw new IllegalArgumentException("band " + c + " has " + logCoefficients[c].length + " coefficients, expected "
            + (degreeY + 1 + crossTerms));
      }
      logCoefficients[c] = logCoefficients[c].clone();
    }
  }

  public int numBands() {
    return logCoefficients.length;
  }

  public double halfDiagonal() {
    return Math.hypot(width, height) / 2;
  }

  public double u(double x) {
    return (x - width / 2.0) / halfDiagonal();
  }

  public double v(double y) {
    return (y - height / 2.0) / halfDiagonal();
  }

  /** Vignette gain at a pixel centre, 1 − s·r²/r_corner². */
  public double vignetteGain(int x, int y) {
    double u = u(x);
    double v = v(y);
    return 1 - vignetteStrength * (u * u + v * v);
  }

  /** Vignette gains of pixels x0..x0+n−1 on row y. */
  public void vignetteRow(int y, int x0, int n, double[] out) {
    double hd = halfDiagonal();
    double v = (y - height / 2.0) / hd;
    for (int i = 0; i < n; i++) {
      double u = (x0 + i - width / 2.0) / hd;
      out[i] = 1 - vignetteStrength * (u * u + v * v);
    }
  }

  /** The vignette-free sweep of one band at a pixel, in linear light. */
  public double sweep(int band, int x, int y) {
    double[] ab = rowTerms(band, y);
    return Math.exp(ab[0] + ab[1] * u(x));
  }

  /**
   * Writes the vignette-free sweep of one band for pixels x0..x0+n−1 of row y into {@code out}
   * (linear light). On a row the exponent is affine in x, so each pixel is the previous one times
   * a constant factor.
   */
  public void sweepRow(int band, int y, int x0, int n, double[] out) {
    double[] ab = rowTerms(band, y);
    double step = Math.exp(ab[1] / halfDiagonal());
    double value = Math.exp(ab[0] + ab[1] * u(x0));
    for (int i = 0; i < n; i++) {
      out[i] = value;
      value *= step;
    }
  }

  /** (A, B) with log sweep = A + B·u on row y. */
  private double[] rowTerms(int band, int y) {
    double[] beta = logCoefficients[band];
    double v = v(y);
    double a = 0;
    double p = 1;
    for (int k = 0; k <= degreeY; k++) {
      a += beta[k] * p;
      p *= v;
    }
    double b = 0;
    p = 1;
    for (int k = 0; k < crossTerms; k++) {
      b += beta[degreeY + 1 + k] * p;
      p *= v;
    }
    return new double[] {a, b};
  }

  @Override
  public double[][] logCoefficients() {
    double[][] copy = logCoefficients.clone();
    for (int c = 0; c < copy.length; c++) {
      copy[c] = copy[c].clone();
    }
    return copy;
  }
}
