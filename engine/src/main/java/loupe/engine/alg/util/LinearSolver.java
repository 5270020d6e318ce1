// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.util;

import loupe.engine.UnsuitableInputException;

/**
 * Small dense least squares: the normal equations of the robust surface fits (the background
 * sweep, the prop detector's surface and the segmenter's sweep model).
 */
public final class LinearSolver {
  private LinearSolver() {}

  /**
   * Σ w_i φ_i φ_iᵀ over the first {@code terms} basis functions of the samples with w_i ≠ 0.
   *
   * @param basis φ_i per sample, Not modified
   * @param weights w_i per sample, Not modified
   * @param count samples used (the first {@code count})
   */
  public static double[][] normalMatrix(double[][] basis, double[] weights, int count, int terms) {
    double[][] n = new double[terms][terms];
    for (int i = 0; i < count; i++) {
      double w = weights[i];
      if (w == 0) {
        continue;
      }
      double[] phi = basis[i];
      for (int a = 0; a < terms; a++) {
        double wa = w * phi[a];
        for (int b = 0; b <= a; b++) {
          n[a][b] += wa * phi[b];
        }
      }
    }
    for (int a = 0; a < terms; a++) {
      for (int b = a + 1; b < terms; b++) {
        n[a][b] = n[b][a];
      }
    }
    return n;
  }

  /**
   * Σ w_i y_i φ_i over the first {@code terms} basis functions of the samples with w_i ≠ 0, each
   * term summed as (w_i φ_i) y_i in sample order.
   *
   * @param basis φ_i per sample, Not modified
   * @param weights w_i per sample, Not modified
   * @param values y_i per sample, Not modified
   * @param count samples used (the first {@code count})
   */
  public static double[] weightedRhs(double[][] basis, double[] weights, double[] values, int count, int terms) {
    double[] rhs = new double[terms];
    for (int i = 0; i < count; i++) {
      double w = weights[i];
      if (w == 0) {
        continue;
      }
      for (int a = 0; a < terms; a++) {
        rhs[a] += w * basis[i][a] * values[i];
      }
    }
    return rhs;
  }

  /** Σ a_i b_i over {@code a}'s length. */
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * x with a·x = b by Gaussian elimination with partial pivoting; a singular system is refused.
   *
   * @param a square matrix, Not modified
   * @param b right-hand side, Not modified
   */
  public static double[] solve(double[][] a, double[] b) {
    return eliminate(a, b, false);
  }

  /**
   * The same, but a term whose pivot vanishes (below 1e-12 of a₀₀) is left at 0 instead: a graded
   * fit may raise the degree beyond what its samples constrain.
   */
  public static double[] solveDroppingVanishing(double[][] a, double[] b) {
    return eliminate(a, b, true);
  }

  private static double[] eliminate(double[][] a, double[] b, boolean dropVanishing) {
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
      double size = Math.abs(m[pivot][col]);
      if (dropVanishing ? size <= tiny : size < 1e-300) {
        if (!dropVanishing) {
          throw new UnsuitableInputException("singular sweep fit: the background samples do not constrain basis term "
              + col + " (too few rows or columns of background?)");
        }
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
}
