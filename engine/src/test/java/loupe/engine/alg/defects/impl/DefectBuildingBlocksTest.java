// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detector's building blocks against slow, obvious oracles. */
class DefectBuildingBlocksTest {

  private static float[] noise(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextInt(1000);
    }
    return out;
  }

  private static boolean[] sparse(int n, double density, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextDouble() < density;
    }
    return out;
  }

  @Test
  void grayDilationAndErosionMatchTheWindowExtremum() {
    int[][] sizes = {{23, 17}, {5, 40}, {40, 3}, {1, 1}};
    for (int[] size : sizes) {
      int w = size[0];
      int h = size[1];
      float[] in = noise(w * h, w * 31L + h);
      for (int r : new int[] {1, 2, 4, 9}) {
        for (boolean max : new boolean[] {true, false}) {
          float[] got = GrayMorphology.extremum(in, w, h, r, max);
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              float best = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
              for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                  best = max ? Math.max(best, in[yy * w + xx]) : Math.min(best, in[yy * w + xx]);
                }
              }
              assertThat(got[y * w + x]).as("%dx%d r=%d max=%b at %d,%d", w, h, r, max, x, y).isEqualTo(best);
            }
          }
        }
      }
    }
  }

  @Test
  void hysteresisKeepsSeededComponentsWithinTheLimits() {
    int w = 41;
    int h = 33;
    boolean[] grow = sparse(w * h, 0.45, 9);
    boolean[] seed = sparse(w * h, 0.01, 10);
    boolean[] avoid = sparse(w * h, 0.002, 11);
    for (int maxArea : new int[] {Integer.MAX_VALUE, 12}) {
      boolean[] got = BinaryMasks.hysteresis(seed, grow, w, h, maxArea, avoid);
      // Oracle: label (grow ∪ seed) by repeated min-propagation, then judge each label.
      int[] label = new int[w * h];
      for (int p = 0; p < w * h; p++) {
        label[p] = grow[p] || seed[p] ? p + 1 : 0;
      }
      for (boolean changed = true; changed; ) {
        changed = false;
        for (int p = 0; p < w * h; p++) {
          for (int dy = -1; dy <= 1 && label[p] != 0; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int x = p % w + dx;
              int y = p / w + dy;
              if (x >= 0 && y >= 0 && x < w && y < h && label[y * w + x] != 0 && label[y * w + x] < label[p]) {
                label[p] = label[y * w + x];
                changed = true;
              }
            }
          }
        }
      }
      for (int p = 0; p < w * h; p++) {
        boolean expected = false;
        if (label[p] != 0) {
          boolean seeded = false;
          boolean touches = false;
          int area = 0;
          for (int q = 0; q < w * h; q++) {
            if (label[q] == label[p]) {
              area++;
              seeded |= seed[q];
              for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                  int x = q % w + dx;
                  int y = q / w + dy;
                  touches |= x >= 0 && y >= 0 && x < w && y < h && avoid[y * w + x];
                }
              }
            }
          }
          expected = seeded && !touches && area <= maxArea;
        }
        assertThat(got[p]).as("maxArea %d at %d", maxArea, p).isEqualTo(expected);
      }
    }
  }

  @Test
  void selectionAndMaskedMedianMatchSorting() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(60);
      float[] a = new float[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(20); // many ties
      }
      float[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertThat(BackgroundEstimate.select(a.clone(), n, k)).isEqualTo(sorted[k]);
    }
    int w = 19;
    int h = 14;
    float[] cells = noise(w * h, 4);
    boolean[] valid = sparse(w * h, 0.7, 5);
    float[] median = BackgroundEstimate.maskedMedian(cells, valid, w, h, 2);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float[] window = new float[25];
        int n = 0;
        for (int yy = Math.max(0, y - 2); yy <= Math.min(h - 1, y + 2); yy++) {
          for (int xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++) {
            if (valid[yy * w + xx]) {
              window[n++] = cells[yy * w + xx];
            }
          }
        }
        if (n > 0) {
          Arrays.sort(window, 0, n);
          assertThat(median[y * w + x]).isEqualTo(window[n / 2]);
        }
      }
    }
  }

  @Test
  void lineAndBoxResponsesMatchTheirDefinitions() {
    int w = 30;
    int h = 26;
    float[] in = noise(w * h, 12);
    float[] box = SpeckResponses.boxMean3(in, w, h);
    float[] line = SpeckResponses.lineResponse(in, w, h, 7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        int n = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
          for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
            sum += in[yy * w + xx];
            n++;
          }
        }
        assertThat((double) box[y * w + x]).isCloseTo(sum / n, within(0.01));
        double best = 0;
        for (int k = 0; k < SpeckResponses.ORIENTATIONS; k++) {
          double angle = Math.PI * k / SpeckResponses.ORIENTATIONS;
          double s = 0;
          int m = 0;
          for (int i = -3; i <= 3; i++) {
            int xx = x + (int) Math.round(i * Math.cos(angle));
            int yy = y + (int) Math.round(i * Math.sin(angle));
            if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
              s += in[yy * w + xx];
              m++;
            }
          }
          if (Math.abs(s / m) > Math.abs(best)) {
            best = s / m;
          }
        }
        assertThat((double) line[y * w + x]).isCloseTo(best, within(0.01));
      }
    }
  }

  /** Fractional samples, so that a sum's rounding depends on the order of its terms. */
  private static float[] fractional(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) ((r.nextDouble() - 0.4) * 3000);
    }
    return out;
  }

  /** The fast loops keep each pixel's summation order: the same floats as one pixel at a time. */
  @Test
  void lineResponseIsBitIdenticalToThePixelByPixelSum() {
    for (int[] size : new int[][] {{41, 29}, {9, 40}, {40, 5}, {2, 2}}) {
      int w = size[0];
      int h = size[1];
      float[] in = fractional(w * h, 31L * w + h);
      for (int length : new int[] {3, 7, 11, 13}) {
        float[] got = SpeckResponses.lineResponse(in, w, h, length);
        int half = length / 2;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            boolean inner = x >= half && y >= half && x < w - half && y < h - half;
            float best = 0;
            for (int k = 0; k < SpeckResponses.ORIENTATIONS; k++) {
              double angle = Math.PI * k / SpeckResponses.ORIENTATIONS;
              float sum = 0;
              int n = 0;
              for (int i = -half; i <= half; i++) {
                int xx = x + (int) Math.round(i * Math.cos(angle));
                int yy = y + (int) Math.round(i * Math.sin(angle));
                if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                  sum += in[yy * w + xx];
                  n++;
                }
              }
              float v = inner ? sum : sum / n;
              if (Math.abs(v) > Math.abs(best)) {
                best = v;
              }
            }
            float expected = inner ? best / length : best;
            assertThat(got[y * w + x]).as("%dx%d length %d at %d,%d", w, h, length, x, y).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void planeFitBlursAreBitIdenticalToThePixelByPixelCorrelation() {
    float[] k = {0.1f, 0.35f, 0.8f, 1f, 0.8f, 0.35f, 0.1f};
    int r = k.length / 2;
    for (int[] size : new int[][] {{37, 23}, {5, 30}, {30, 4}, {1, 1}}) {
      int w = size[0];
      int h = size[1];
      float[] in = fractional(w * h, 7L * w + h);
      float[] rows = LocalPlaneFit.rows(in, w, h, k);
      float[] columns = LocalPlaneFit.columns(in, w, h, k);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float alongRow = 0;
          for (int t = Math.max(-r, -x); t <= Math.min(r, w - 1 - x); t++) {
            alongRow += k[t + r] * in[y * w + x + t];
          }
          float alongColumn = 0;
          for (int t = Math.max(-r, -y); t <= Math.min(r, h - 1 - y); t++) {
            alongColumn += k[t + r] * in[(y + t) * w + x];
          }
          assertThat(rows[y * w + x]).as("row %dx%d at %d,%d", w, h, x, y).isEqualTo(alongRow);
          assertThat(columns[y * w + x]).as("column %dx%d at %d,%d", w, h, x, y).isEqualTo(alongColumn);
        }
      }
    }
  }

  @Test
  void closeOpenIsDilateErodeErodeDilate() {
    for (int[] size : new int[][] {{41, 29}, {6, 33}, {33, 6}, {1, 1}}) {
      int w = size[0];
      int h = size[1];
      float[] in = fractional(w * h, 5L * w + h);
      for (int r : new int[] {1, 3, 4, 7}) {
        float[] closed = GrayMorphology.extremum(GrayMorphology.extremum(in, w, h, r, true), w, h, r, false);
        float[] expected = GrayMorphology.extremum(GrayMorphology.extremum(closed, w, h, r, false), w, h, r, true);
        assertThat(GrayMorphology.closeOpen(in, w, h, r)).as("%dx%d r=%d", w, h, r).containsExactly(expected);
      }
    }
  }

  @Test
  void robustSigmaOfGaussianNoiseIsItsSigma() {
    SplittableRandom r = new SplittableRandom(8);
    float[] values = new float[100_000];
    for (int i = 0; i < values.length; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      values[i] = (float) (500 + 37 * gaussian);
    }
    boolean[] all = new boolean[values.length];
    Arrays.fill(all, true);
    float[] centreAndSigma = SpeckResponses.robustCentreAndSigma(values, all);
    assertThat((double) centreAndSigma[0]).isCloseTo(500, within(1.0));
    assertThat((double) centreAndSigma[1]).isCloseTo(37, within(1.0));
  }

  /** The reason for the plane fit: a ramp cut off by the product on one side is still a ramp. */
  @Test
  void planeFitFollowsARampNextToAMaskedRegion() {
    int w = 120;
    int h = 90;
    float[] gray = new float[w * h];
    boolean[] allowed = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        gray[y * w + x] = 20000 + 150 * x - 60 * y;
        allowed[y * w + x] = x < 70; // everything right of x = 70 is "product"
      }
    }
    float[] fit = LocalPlaneFit.fit(gray, allowed, new float[w * h], w, h, 16, 4);
    float[] median = BackgroundEstimate.median(gray, allowed, w, h, 32, 4);
    double worstFit = 0;
    double worstMedian = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < 70; x++) {
        worstFit = Math.max(worstFit, Math.abs(fit[y * w + x] - gray[y * w + x]));
        worstMedian = Math.max(worstMedian, Math.abs(median[y * w + x] - gray[y * w + x]));
      }
    }
    assertThat(worstFit).isLessThan(150 * 2.0); // block means are placed at block centres: ≤ 2 px at the cut
    assertThat(worstMedian).isGreaterThan(150 * 10); // a median bends: the plane fit exists for this
  }
}
