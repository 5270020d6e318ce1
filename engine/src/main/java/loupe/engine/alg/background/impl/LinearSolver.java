// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

/** Solves small dense linear systems (the normal equations of the sweep fit). */
final class LinearSolver {
  private LinearSolver() {}

  /**
   * x with a·x = b by Gaussian elimination with partial pivoting.
   *
   * @param a square matrix, Not modified
   * @param b right-hand side, Not modified
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-300) {
        throw new IllegalArgumentException("singular sweep fit: the background samples do not constrain basis term "
            + col + " (too few rows or columns of background?)");
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
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
