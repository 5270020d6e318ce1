// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Arrays;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.util.LinearSolver;
import loupe.engine.alg.util.Median;

/**
 * The seamless background (paper sweep with vignetting) as one smooth low-order surface per
 * channel: a bivariate polynomial of total degree {@code d} in normalised frame coordinates,
 * fitted by iteratively re-weighted least squares (Holland &amp; Welsch, "Robust regression using
 * iteratively reweighted least-squares", 1977): Huber weights first (a convex start), then
 * least-trimmed-squares concentration steps on the better half of the samples (Rousseeuw &amp;
 * Van Driessen, "Computing LTS regression for large data sets", 2006), which escape the pull of a
 * large one-sided crowd of outliers, then Tukey's biweight to settle on all the sweep samples. The jewelry, props and
 * shadows are outliers that the robust weights reject, since the sweep covers most of the frame.
 */
final class SweepModel {
  /** Tukey's tuning constant (95% efficiency), widened ×1.5 because the sweep is not exactly a polynomial. */
  private static final double TUKEY_C = 4.685 * 1.5;
  /** Huber's tuning constant (95% efficiency). */
  private static final double HUBER_C = 1.345;
  private static final int ITERATIONS = 10;

  private final int degree;
  private final double[][] coefficients;
  private final int frameWidth;
  private final int frameHeight;

  private SweepModel(int degree, double[][] coefficients, int frameWidth, int frameHeight) {
    this.degree = degree;
    this.coefficients = coefficients;
    this.frameWidth = frameWidth;
    this.frameHeight = frameHeight;
  }

  /**
   * Fits the model to samples: {@code values[c][i]} of channel c at frame position ({@code
   * xs[i]}, {@code ys[i]}) in full-resolution pixel coordinates. Arrays are Not modified.
   */
  static SweepModel fit(float[][] values, double[] xs, double[] ys, int frameWidth, int frameHeight, int degree) {
    int n = xs.length;
    int terms = (degree + 1) * (degree + 2) / 2;
    if (n < terms) {
      throw new UnsuitableInputException("need at least " + terms + " samples to fit the sweep, got " + n);
    }
    double[][] basis = new double[n][];
    for (int i = 0; i < n; i++) {
      basis[i] = basis(degree, normX(xs[i], frameWidth), normY(ys[i], frameHeight));
    }
    double[][] samples = new double[values.length][n];
    for (int c = 0; c < values.length; c++) {
      for (int i = 0; i < n; i++) {
        samples[c][i] = values[c][i];
      }
    }
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0);
    double[][] coef = new double[values.length][];
    double[] residual = new double[n];
    for (int it = 0; it < 3 * ITERATIONS; it++) {
      coef = weightedLeastSquares(basis, samples, weights);
      for (int i = 0; i < n; i++) {
        double worst = 0;
        for (int c = 0; c < values.length; c++) {
          worst = Math.max(worst, Math.abs(values[c][i] - LinearSolver.dot(coef[c], basis[i])));
        }
        residual[i] = worst;
      }
      double med = Median.upper(residual, n);
      double scale = 1.4826 * med + 1e-3;
      for (int i = 0; i < n; i++) {
        if (it < ITERATIONS) {
          weights[i] = Math.min(1, HUBER_C * scale / Math.max(residual[i], 1e-12));
        } else if (it < 2 * ITERATIONS) {
          weights[i] = residual[i] <= med ? 1 : 0;
        } else {
          double u = residual[i] / (TUKEY_C * scale);
          weights[i] = u < 1 ? (1 - u * u) * (1 - u * u) : 0;
        }
      }
    }
    return new SweepModel(degree, coef, frameWidth, frameHeight);
  }

  /** Fits the model to block means of {@code work} (Not modified) on a grid of about 64 blocks along the long side. */
  static SweepModel fit(WorkImage work, int degree) {
    int g = Math.max(1, (int) Math.ceil(Math.max(work.width, work.height) / 64.0));
    int gw = (work.width + g - 1) / g;
    int gh = (work.height + g - 1) / g;
    int n = gw * gh;
    float[][] values = new float[work.channels.length][n];
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int by = 0; by < gh; by++) {
      int y0 = by * g;
      int y1 = Math.min(work.height, y0 + g);
      for (int bx = 0; bx < gw; bx++) {
        int x0 = bx * g;
        int x1 = Math.min(work.width, x0 + g);
        int i = by * gw + bx;
        for (int c = 0; c < values.length; c++) {
          double sum = 0;
          for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
              sum += work.channels[c].get(x, y);
            }
          }
          values[c][i] = (float) (sum / ((x1 - x0) * (y1 - y0)));
        }
        xs[i] = (work.centreX(x0) + work.centreX(x1 - 1)) / 2;
        ys[i] = (work.centreY(y0) + work.centreY(y1 - 1)) / 2;
      }
    }
    return fit(values, xs, ys, work.fullWidth, work.fullHeight, degree);
  }

  /** The model sampled at the centres of the work pixels, one plane per channel. */
  Plane[] sample(WorkImage work) {
    double[][] xPowers = new double[work.width][degree + 1];
    for (int x = 0; x < work.width; x++) {
      double nx = normX(work.centreX(x), frameWidth);
      xPowers[x][0] = 1;
      for (int i = 1; i <= degree; i++) {
        xPowers[x][i] = xPowers[x][i - 1] * nx;
      }
    }
    Plane[] out = new Plane[coefficients.length];
    double[] rowCoef = new double[degree + 1];
    for (int c = 0; c < out.length; c++) {
      out[c] = new Plane(work.width, work.height);
      float[] d = out[c].data();
      for (int y = 0; y < work.height; y++) {
        // sum_i x^i * (sum_j c_ij y^j): the inner sums are per row.
        double ny = normY(work.centreY(y), frameHeight);
        int k = 0;
        for (int i = 0; i <= degree; i++) {
          double sum = 0;
          double yj = 1;
          for (int j = 0; i + j <= degree; j++) {
            sum += coefficients[c][k++] * yj;
            yj *= ny;
          }
          rowCoef[i] = sum;
        }
        for (int x = 0; x < work.width; x++) {
          double v = 0;
          for (int i = 0; i <= degree; i++) {
            v += rowCoef[i] * xPowers[x][i];
          }
          d[y * work.width + x] = (float) v;
        }
      }
    }
    return out;
  }

  /** The modelled sweep value of channel {@code c} at full-resolution position (x, y). */
  double value(int c, double x, double y) {
    return LinearSolver.dot(coefficients[c], basis(degree, normX(x, frameWidth), normY(y, frameHeight)));
  }

  int channels() {
    return coefficients.length;
  }

  private static double normX(double x, int w) {
    return x / w * 2 - 1;
  }

  private static double normY(double y, int h) {
    return y / h * 2 - 1;
  }

  private static double[] basis(int degree, double x, double y) {
    double[] out = new double[(degree + 1) * (degree + 2) / 2];
    int k = 0;
    double xi = 1;
    for (int i = 0; i <= degree; i++) {
      double term = xi;
      for (int j = 0; i + j <= degree; j++) {
        out[k++] = term;
        term *= y;
      }
      xi *= x;
    }
    return out;
  }

  /**
   * Solves the weighted normal equations of every channel (they share the matrix), with a tiny
   * ridge for safety.
   */
  private static double[][] weightedLeastSquares(double[][] basis, double[][] values, double[] weights) {
    int n = basis.length;
    int m = basis[0].length;
    double[][] normal = LinearSolver.normalMatrix(basis, weights, n, m);
    for (int p = 0; p < m; p++) {
      normal[p][p] += 1e-9 * (1 + normal[p][p]);
    }
    double[][] x = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      x[c] = LinearSolver.solve(normal, LinearSolver.weightedRhs(basis, weights, values[c], n, m));
    }
    return x;
  }
}
