// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.Arrays;

/**
 * A smooth surface per band over a grid: a bivariate polynomial of total degree {@code degree}
 * in centred coordinates scaled by half the long side, fitted to log values by iteratively
 * re-weighted least squares (Holland, Welsch, "Robust regression using iteratively reweighted
 * least-squares", Commun. Statist. 1977): Huber weights for a convex start, least-trimmed-squares
 * concentration steps on the better half (Rousseeuw, Van Driessen, "Computing LTS regression for
 * large data sets", Data Min. Knowl. Disc. 2006) to escape a large one-sided crowd of outliers
 * (a prop can cover a tenth of the frame), then Tukey's biweight on all samples. All bands share
 * the weights: a prop or a shadow is an outlier in every band at once.
 */
public final class RobustSurface {
  private static final int HUBER_STEPS = 3;
  private static final int TRIM_STEPS = 3;
  private static final int TUKEY_STEPS = 5;
  private static final double HUBER_C = 1.345;
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
      throw new IllegalArgumentException("too few background cells to fit the sweep surface: " + n + ", need "
          + 4 * terms + " (is the product mask covering most of the frame?)");
    }
    return fitCells(Arrays.copyOf(basis, n), cellValues, n, degree, width, height);
  }

  private static RobustSurface fitCells(double[][] basis, double[][] values, int n, int degree, int width,
      int height) {
    double[] weights = new double[n];
    Arrays.fill(weights, 1);
    double[] residual = new double[n];
    double[][] coef = null;
    double scale = 0;
    for (int step = 0; step < HUBER_STEPS + TRIM_STEPS + TUKEY_STEPS; step++) {
      coef = weightedLeastSquares(basis, values, weights, n);
      for (int i = 0; i < n; i++) {
        double sq = 0;
        for (int c = 0; c < values.length; c++) {
          double r = values[c][i] - dot(coef[c], basis[i]);
          sq += r * r;
        }
        residual[i] = Math.sqrt(sq / values.length);
      }
      double median = median(residual, n);
      scale = Math.max(1e-6, 1.4826 * median);
      for (int i = 0; i < n; i++) {
        if (step < HUBER_STEPS) {
          weights[i] = Math.min(1, HUBER_C * scale / Math.max(residual[i], 1e-12));
        } else if (step < HUBER_STEPS + TRIM_STEPS) {
          weights[i] = residual[i] <= median ? 1 : 0;
        } else {
          double t = residual[i] / (TUKEY_C * scale);
          weights[i] = t < 1 ? (1 - t * t) * (1 - t * t) : 0;
        }
      }
    }
    return new RobustSurface(degree, coef, width, height, scale);
  }

  /** The fitted log value of a band at grid coordinates (x, y) (pixel centres are integers). */
  public double logValue(int band, double x, double y) {
    return dot(coefficients[band], basis(x, y));
  }

  /** The fitted value, exp of the log value, of every band at (x, y), into {@code out}. */
  public void values(double x, double y, double[] out) {
    double[] phi = basis(x, y);
    for (int c = 0; c < coefficients.length; c++) {
      out[c] = Math.exp(dot(coefficients[c], phi));
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

  double[] basis(double x, double y) {
    double u = (x - cx) / half;
    double v = (y - cy) / half;
    double[] row = new double[(degree + 1) * (degree + 2) / 2];
    int k = 0;
    double pu = 1;
    for (int i = 0; i <= degree; i++) {
      double p = pu;
      for (int j = 0; j <= degree - i; j++) {
        row[k++] = p;
        p *= v;
      }
      pu *= u;
    }
    return row;
  }

  private static double[][] weightedLeastSquares(double[][] basis, double[][] values, double[] weights, int n) {
    int k = basis[0].length;
    double[][] normal = new double[k][k];
    double[][] rhs = new double[values.length][k];
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (w == 0) {
        continue;
      }
      double[] phi = basis[i];
      for (int a = 0; a < k; a++) {
        double wa = w * phi[a];
        for (int b = 0; b <= a; b++) {
          normal[a][b] += wa * phi[b];
        }
        for (int c = 0; c < values.length; c++) {
          rhs[c][a] += wa * values[c][i];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        normal[a][b] = normal[b][a];
      }
    }
    double[][] coef = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      coef[c] = solve(normal, rhs[c]);
    }
    return coef;
  }

  /** Gaussian elimination with partial pivoting; a vanishing pivot leaves that term at 0. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    double tiny = 1e-12 * Math.max(1e-300, Math.abs(a[0][0]));
    boolean[] dropped = new boolean[n];
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) <= tiny) {
        dropped[col] = true;
        continue;
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int k = col; k <= n; k++) {
          m[r][k] -= f * m[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      if (dropped[r]) {
        continue;
      }
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static double median(double[] values, int n) {
    double[] copy = Arrays.copyOf(values, n);
    Arrays.sort(copy);
    return copy[n / 2];
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
