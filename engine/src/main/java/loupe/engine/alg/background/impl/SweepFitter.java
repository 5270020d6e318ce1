// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.background.SweepModel;
import loupe.engine.alg.util.LinearSolver;
import loupe.engine.alg.util.Median;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Fits a {@link SweepModel} to the background of a shot, robustly and in linear light.
 *
 * <p>Samples are cell means (about {@value #TARGET_SAMPLES} cells, each read on a grid of at most
 * 4×4 pixels) of the pixels outside the non-sample mask, taken in log linear light, where the vignette is an additive term log(1 − s·q)
 * and the sweep is linear in its coefficients. For a given s the coefficients of every band come
 * from one weighted least-squares solve; s itself, shared by all bands (the vignette is an optical
 * gain), minimises the summed residual by golden-section search. Outliers (contact shadows,
 * defects nobody excluded, caustics) are down-weighted by iteratively reweighted least squares with
 * Tukey's biweight (Beaton, Tukey, Technometrics 1974) on the per-cell RMS residual across bands,
 * scaled by 1.4826·MAD.
 */
public final class SweepFitter {
  static final int TARGET_SAMPLES = 12_000;
  private static final int ITERATIONS = 6;
  /** After the first iteration s moves little; later searches bracket the previous s by this much. */
  private static final double BRACKET = 0.02;
  private static final double TUKEY = 4.685;
  private static final double MIN_LINEAR = 1e-4;

  private SweepFitter() {}

  /**
   * @param image Not modified
   * @param nonSample pixels &gt; 0 are never sampled (product, props, defects); Not modified
   * @param maxVignette upper bound of the vignette strength s searched
   */
  public static SweepModel fit(Planar image, GrayU16 nonSample, int degreeY, int crossTerms, double maxVignette,
      Progress progress) {
    Samples samples = Samples.collect(image, nonSample, degreeY, crossTerms);
    int k = degreeY + 1 + crossTerms;
    if (samples.count < 10 * k) {
      throw new UnsuitableInputException("too little background to fit a new sweep: " + samples.count
          + " background cells outside the product and the props, " + 10 * k
          + " needed (the piece and its props leave too little of the frame); keep the background as shot");
    }
    double[] weights = new double[samples.count];
    Arrays.fill(weights, 1);
    double sMax = Math.min(maxVignette, 0.9 / samples.maxQ);
    double s = 0;
    double[][] beta = null;
    double scale = 0;
    for (int it = 0; it < ITERATIONS; it++) {
      progress.checkCancelled();
      double[][] normal = samples.normalMatrix(weights);
      double lo = it == 0 ? 0 : Math.max(0, s - BRACKET);
      double hi = it == 0 ? sMax : Math.min(sMax, s + BRACKET);
      s = goldenSection(samples, normal, weights, lo, hi);
      beta = samples.solve(normal, weights, s);
      scale = samples.reweight(beta, s, weights);
      progress.report("fit sweep", (it + 1.0) / ITERATIONS);
    }
    return new SweepModel(image.width, image.height, degreeY, crossTerms, beta, s, samples.count, scale);
  }

  private static double goldenSection(Samples samples, double[][] normal, double[] weights, double lo, double hi) {
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = lo;
    double b = hi;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = samples.cost(normal, weights, c);
    double fd = samples.cost(normal, weights, d);
    while (b - a > 1e-4) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = samples.cost(normal, weights, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = samples.cost(normal, weights, d);
      }
    }
    return (a + b) / 2;
  }

  /** Cell samples: basis rows φ, r² = q, and log linear values per band. */
  private static final class Samples {
    final int count;
    final double[][] basis;
    final double[] q;
    final double[][] logValue;
    final double maxQ;

    private Samples(List<double[]> basis, List<Double> q, List<double[]> logValue) {
      count = basis.size();
      this.basis = basis.toArray(new double[0][]);
      this.q = q.stream().mapToDouble(Double::doubleValue).toArray();
      this.logValue = logValue.toArray(new double[0][]);
      maxQ = Arrays.stream(this.q).max().orElse(1);
    }

    static Samples collect(Planar image, GrayU16 nonSample, int degreeY, int crossTerms) {
      int w = image.width;
      int h = image.height;
      int bands = image.numBands();
      int cell = (int) Math.max(1, Math.round(Math.sqrt((double) w * h / TARGET_SAMPLES)));
      int step = Math.max(1, cell / 4);
      // A model without bands carries just the coordinate frame (u, v) the fit is expressed in.
      SweepModel geometry = new SweepModel(w, h, degreeY, crossTerms, new double[0][], 0, 0, 0);
      List<double[]> basis = new ArrayList<>();
      List<Double> q = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      double[] sum = new double[bands];
      for (int cy = 0; cy < h; cy += cell) {
        for (int cx = 0; cx < w; cx += cell) {
          Arrays.fill(sum, 0);
          int n = 0;
          int total = 0;
          double sx = 0;
          double sy = 0;
          for (int y = cy; y < Math.min(h, cy + cell); y += step) {
            for (int x = cx; x < Math.min(w, cx + cell); x += step) {
              total++;
              if (nonSample.data[nonSample.startIndex + y * nonSample.stride + x] != 0) {
                continue;
              }
              for (int c = 0; c < bands; c++) {
                GrayU16 b = image.bands[c];
                sum[c] += Srgb.decode(b.data[b.startIndex + y * b.stride + x] & 0xFFFF);
              }
              sx += x;
              sy += y;
              n++;
            }
          }
          if (2 * n < total) {
            continue;
          }
          double u = geometry.u(sx / n);
          double v = geometry.v(sy / n);
          basis.add(basisRow(u, v, degreeY, crossTerms));
          q.add(u * u + v * v);
          double[] logs = new double[bands];
          for (int c = 0; c < bands; c++) {
            logs[c] = Math.log(Math.max(MIN_LINEAR, sum[c] / n));
          }
          values.add(logs);
        }
      }
      return new Samples(basis, q, values);
    }

    static double[] basisRow(double u, double v, int degreeY, int crossTerms) {
      double[] row = new double[degreeY + 1 + crossTerms];
      double p = 1;
      for (int k = 0; k <= degreeY; k++) {
        row[k] = p;
        p *= v;
      }
      p = u;
      for (int k = 0; k < crossTerms; k++) {
        row[degreeY + 1 + k] = p;
        p *= v;
      }
      return row;
    }

    double[][] normalMatrix(double[] weights) {
      return LinearSolver.normalMatrix(basis, weights, count, basis[0].length);
    }

    /** β per band for vignette strength s. */
    double[][] solve(double[][] normal, double[] weights, double s) {
      int bands = logValue[0].length;
      int k = normal.length;
      double[][] rhs = new double[bands][k];
      for (int i = 0; i < count; i++) {
        double w = weights[i];
        if (w == 0) {
          continue;
        }
        double vig = Math.log(1 - s * q[i]);
        double[] phi = basis[i];
        for (int c = 0; c < bands; c++) {
          double wy = w * (logValue[i][c] - vig);
          for (int a = 0; a < k; a++) {
            rhs[c][a] += wy * phi[a];
          }
        }
      }
      double[][] beta = new double[bands][];
      for (int c = 0; c < bands; c++) {
        beta[c] = LinearSolver.solve(normal, rhs[c]);
      }
      return beta;
    }

    double cost(double[][] normal, double[] weights, double s) {
      double[][] beta = solve(normal, weights, s);
      double total = 0;
      for (int i = 0; i < count; i++) {
        if (weights[i] == 0) {
          continue;
        }
        double vig = Math.log(1 - s * q[i]);
        for (int c = 0; c < beta.length; c++) {
          double r = logValue[i][c] - vig - LinearSolver.dot(beta[c], basis[i]);
          total += weights[i] * r * r;
        }
      }
      return total;
    }

    /** Tukey weights from the per-cell RMS residual; returns the robust scale used. */
    double reweight(double[][] beta, double s, double[] weights) {
      double[] residual = new double[count];
      for (int i = 0; i < count; i++) {
        double vig = Math.log(1 - s * q[i]);
        double sq = 0;
        for (int c = 0; c < beta.length; c++) {
          double r = logValue[i][c] - vig - LinearSolver.dot(beta[c], basis[i]);
          sq += r * r;
        }
        residual[i] = Math.sqrt(sq / beta.length);
      }
      double scale = Math.max(1e-5, 1.4826 * Median.upper(residual, count));
      double limit = TUKEY * scale;
      for (int i = 0; i < count; i++) {
        double t = residual[i] / limit;
        weights[i] = t < 1 ? (1 - t * t) * (1 - t * t) : 0;
      }
      return scale;
    }
  }
}
