// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.Arrays;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.util.LinearSolver;
import loupe.engine.alg.util.Median;

/**
 * A smooth surface per band over a grid: a bivariate polynomial of total degree {@code degree}
 * in centred coordinates scaled by half the long side, fitted to log values by iteratively
 * re-weighted least squares with Tukey's biweight (Holland, Welsch, "Robust regression using
 * iteratively reweighted least-squares", Commun. Statist. 1977; Beaton, Tukey, Technometrics
 * 1974) on a scale of 1.4826·MAD. The degree is raised one step at a time, each starting from the
 * weights of the last, so that a large prop (a quarter of the frame) is an outlier before the
 * surface is flexible enough to bend towards it. All bands share the weights: a prop or a shadow
 * is an outlier in every band at once.
 */
public final class RobustSurface {
  private static final int STEPS_PER_DEGREE = 2;
  private static final int FINAL_STEPS = 5;
  private static final double TUKEY_C = 4.685;
  /** Cells of about this many samples are averaged before the fit. */
  private static final int TARGET_CELLS = 12_000;

  private final int degree;
  private final double[][] coefficients;
  private final double cx;
  private final double cy;
  private final double half;
  private final double residualScale;

  private RobustSurface(int degree, double[][] coefficients, int width, int height, double residualScale) {
    this.degree = degree;
    this.coefficients = coefficients;
    this.cx = (width - 1) / 2.0;
    this.cy = (height - 1) / 2.0;
    this.half = Math.max(1, Math.max(width, height) / 2.0);
    this.residualScale = residualScale;
  }

  /**
   * Fits the surface to {@code values[band][y·width + x]} where {@code sample} is true. The grid is
   * averaged over square cells first (a cell counts when at least half its pixels are samples).
   *
   * @param values log values per band; Not modified
   * @param sample which grid pixels belong to the surface; Not modified
   * @throws IllegalArgumentException when fewer than 4 cells per coefficient are left
   */
  public static RobustSurface fit(float[][] values, boolean[] sample, int width, int height, int degree) {
    if (degree < 0 || degree > 8) {
      throw new IllegalArgumentException("surface degree must be in 0..8, got " + degree);
    }
    int terms = (degree + 1) * (degree + 2) / 2;
    RobustSurface geometry = new RobustSurface(degree, new double[0][], width, height, 0);
    int cell = (int) Math.max(1, Math.round(Math.sqrt((double) width * height / TARGET_CELLS)));
    int maxCells = ((width + cell - 1) / cell) * ((height + cell - 1) / cell);
    double[][] basis = new double[maxCells][];
    double[][] cellValues = new double[values.length][maxCells];
    int n = 0;
    for (int y0 = 0; y0 < height; y0 += cell) {
      for (int x0 = 0; x0 < width; x0 += cell) {
        int count = 0;
        int total = 0;
        double sx = 0;
        double sy = 0;
        double[] sums = new double[values.length];
        for (int y = y0; y < Math.min(height, y0 + cell); y++) {
          for (int x = x0; x < Math.min(width, x0 + cell); x++) {
            total++;
            int i = y * width + x;
            if (!sample[i]) {
              continue;
            }
            count++;
            sx += x;
            sy += y;
            for (int c = 0; c < values.length; c++) {
              sums[c] += values[c][i];
            }
          }
        }
        if (2 * count < total) {
          continue;
        }
        basis[n] = geometry.basis(sx / count, sy / count);
        for (int c = 0; c < values.length; c++) {
          cellValues[c][n] = sums[c] / count;
        }
        n++;
      }
    }
    if (n < 4 * terms) {
      throw new UnsuitableInputException("too few background cells to fit the sweep surface: " + n + ", need "
          + 4 * terms + " (is the product mask covering most of the frame?)");
    }
    return fitCells(Arrays.copyOf(basis, n), cellValues, n, degree, width, height);
  }

  /**
   * Graduated order: the robust weights are settled on a constant first, then carried to each
   * higher degree, so that a smooth prop never gets the chance to be fitted as part of the sweep
   * (a least-squares start of the full degree bends towards a prop covering a quarter of the
   * frame, and the reweighting then stays there).
   */
  private static RobustSurface fitCells(double[][] basis, double[][] values, int n, int degree, int width,
      int height) {
    double[] weights = new double[n];
    Arrays.fill(weights, 1);
    double[] residual = new double[n];
    double[][] coef = null;
    double scale = 0;
    for (int d = 0; d <= degree; d++) {
      int terms = (d + 1) * (d + 2) / 2;
      for (int step = 0; step < (d == degree ? FINAL_STEPS : STEPS_PER_DEGREE); step++) {
        coef = weightedLeastSquares(basis, values, weights, n, terms);
        for (int i = 0; i < n; i++) {
          double sq = 0;
          for (int c = 0; c < values.length; c++) {
            double r = values[c][i] - LinearSolver.dot(coef[c], basis[i]);
            sq += r * r;
          }
          residual[i] = Math.sqrt(sq / values.length);
        }
        scale = Math.max(1e-6, 1.4826 * Median.upper(residual, n));
        for (int i = 0; i < n; i++) {
          double t = residual[i] / (TUKEY_C * scale);
          weights[i] = t < 1 ? (1 - t * t) * (1 - t * t) : 0;
        }
      }
    }
    return new RobustSurface(degree, coef, width, height, scale);
  }

  /** The fitted value, exp of the log value, of every band at (x, y), into {@code out}. */
  public void values(double x, double y, double[] out) {
    double[] phi = basis(x, y);
    for (int c = 0; c < coefficients.length; c++) {
      out[c] = Math.exp(LinearSolver.dot(coefficients[c], phi));
    }
  }

  /**
   * Robust scale (1.4826·MAD) of the RMS-over-bands log residuals of the cells at the last step:
   * noise of a cell mean plus the surface's misfit, as a relative error.
   */
  public double residualScale() {
    return residualScale;
  }

  public int numBands() {
    return coefficients.length;
  }

  /** The monomials u^i·v^j, i + j ≤ degree, in graded order (all of total degree k before k + 1). */
  double[] basis(double x, double y) {
    double u = (x - cx) / half;
    double v = (y - cy) / half;
    double[] pu = new double[degree + 1];
    double[] pv = new double[degree + 1];
    pu[0] = 1;
    pv[0] = 1;
    for (int i = 1; i <= degree; i++) {
      pu[i] = pu[i - 1] * u;
      pv[i] = pv[i - 1] * v;
    }
    double[] row = new double[(degree + 1) * (degree + 2) / 2];
    int k = 0;
    for (int total = 0; total <= degree; total++) {
      for (int j = 0; j <= total; j++) {
        row[k++] = pu[total - j] * pv[j];
      }
    }
    return row;
  }

  /** Weighted least squares on the first {@code k} basis terms, every band at once. */
  private static double[][] weightedLeastSquares(double[][] basis, double[][] values, double[] weights, int n,
      int k) {
    double[][] normal = LinearSolver.normalMatrix(basis, weights, n, k);
    double[][] coef = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      coef[c] = LinearSolver.solveDroppingVanishing(normal, LinearSolver.weightedRhs(basis, weights, values[c], n, k));
    }
    return coef;
  }
}
