// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects.impl;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Responses of a background residual to the three shapes of background defects, each divided by
 * its own robust noise σ so a threshold means the same for every response:
 *
 * <ul>
 *   <li>point: |residual| (one-pixel specks);
 *   <li>blob: |3×3 mean| (specks of a few pixels: noise averages down by about 3);
 *   <li>line: the largest |mean| along {@value #ORIENTATIONS} oriented segments (hairs and lint:
 *       a thin line keeps its contrast while noise averages down by √length; an oriented filter
 *       bank in the spirit of Freeman and Adelson, "The Design and Use of Steerable Filters", 1991).
 * </ul>
 *
 * Pixels that are not allowed count as zero residual and are never reported.
 */
public final class SpeckResponses {
  static final int ORIENTATIONS = 8;

  public final int width;
  /**
   * The least σ (16-bit units). A noise-free render or filled background has σ 0, which scaled every
   * response to 0, so nothing was ever found there. One unit keeps every response of a noisy shot
   * as it was; on a clean one, the detector's contrast floor is then what separates specks from the
   * rounding of gradients.
   */
  static final float SIGMA_FLOOR = 1;

  public final float[] point;
  public final float[] blob;
  public final float[] line;
  /** The σ each response was divided by (16-bit units), to turn a response back into a contrast. */
  public final float pointSigma;
  public final float blobSigma;
  public final float lineSigma;

  private SpeckResponses(int width, float[] point, float[] blob, float[] line, float[] sigmas) {
    this.width = width;
    this.point = point;
    this.blob = blob;
    this.line = line;
    this.pointSigma = sigmas[0];
    this.blobSigma = sigmas[1];
    this.lineSigma = sigmas[2];
  }

  /**
   * @param residual image minus background, zero where not allowed. Not modified.
   * @param allowed pixels where responses are measured. Not modified.
   */
  public static SpeckResponses of(float[] residual, boolean[] allowed, int width, int height, int lineLength) {
    return of(residual, allowed, width, height, lineResponse(residual, width, height, lineLength));
  }

  /** Point and blob responses only (the line response is zero): for soft spots, not lines. */
  public static SpeckResponses withoutLines(float[] residual, boolean[] allowed, int width, int height) {
    return of(residual, allowed, width, height, new float[residual.length]);
  }

  private static SpeckResponses of(float[] residual, boolean[] allowed, int width, int height, float[] line) {
    float[] point = residual.clone();
    float[] blob = boxMean3(residual, width, height);
    float[] sigmas = {normalise(point, allowed), normalise(blob, allowed), normalise(line, allowed)};
    return new SpeckResponses(width, point, blob, line, sigmas);
  }

  /** 3×3 mean, the window clipped at the image edge: separable sums, rows then columns. */
  public static float[] boxMean3(float[] in, int w, int h) {
    float[] rows = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        float sum = in[row + x];
        if (x > 0) {
          sum += in[row + x - 1];
        }
        if (x + 1 < w) {
          sum += in[row + x + 1];
        }
        rows[row + x] = sum;
      }
    });
    float[] out = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = y * w;
      int ny = 1 + (y > 0 ? 1 : 0) + (y + 1 < h ? 1 : 0);
      for (int x = 0; x < w; x++) {
        float sum = rows[row + x];
        if (y > 0) {
          sum += rows[row - w + x];
        }
        if (y + 1 < h) {
          sum += rows[row + w + x];
        }
        int nx = 1 + (x > 0 ? 1 : 0) + (x + 1 < w ? 1 : 0);
        out[row + x] = sum / (nx * ny);
      }
    });
    return out;
  }

  /** Signed mean along the segment of each orientation; the one with the largest magnitude wins. */
  static float[] lineResponse(float[] in, int w, int h, int length) {
    int half = length / 2;
    int[][] dx = new int[ORIENTATIONS][length];
    int[][] dy = new int[ORIENTATIONS][length];
    for (int k = 0; k < ORIENTATIONS; k++) {
      double angle = Math.PI * k / ORIENTATIONS;
      for (int i = -half; i <= half; i++) {
        dx[k][i + half] = (int) Math.round(i * Math.cos(angle));
        dy[k][i + half] = (int) Math.round(i * Math.sin(angle));
      }
    }
    int[][] offset = new int[ORIENTATIONS][length];
    for (int k = 0; k < ORIENTATIONS; k++) {
      for (int i = 0; i < length; i++) {
        offset[k][i] = dy[k][i] * w + dx[k][i];
      }
    }
    float[] out = new float[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      boolean inner = y >= half && y < h - half;
      int x0 = inner ? Math.min(half, w) : w; // [x0, x1): whole segments inside the frame
      int x1 = inner ? Math.max(x0, w - half) : w;
      if (x1 > x0) {
        innerLine(in, out, y * w, x0, x1, offset, length);
      }
      for (int x = 0; x < w; x++) {
        if (x == x0 && x1 > x0) {
          x = x1 - 1; // done by innerLine
          continue;
        }
        float best = 0;
        for (int k = 0; k < ORIENTATIONS; k++) {
          float sum = 0;
          int n = 0;
          for (int i = 0; i < length; i++) {
            int xx = x + dx[k][i];
            int yy = y + dy[k][i];
            if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
              sum += in[yy * w + xx];
              n++;
            }
          }
          float mean = sum / n;
          if (Math.abs(mean) > Math.abs(best)) {
            best = mean;
          }
        }
        out[y * w + x] = best;
      }
    });
    return out;
  }

  /**
   * The line response of the pixels [x0, x1) of the row starting at {@code row}, whose segments lie
   * inside the frame. Each pixel's sums run in the same order as a pixel-by-pixel loop would (so
   * the result is the same to the bit); the loops are turned so that the innermost runs along the
   * row, four taps at a time (measured: about 1.6× faster than one tap at a time or one pixel at a
   * time; Java 17's compiler does not vectorise reads at several offsets, so no more is gained).
   */
  private static void innerLine(float[] in, float[] out, int row, int x0, int x1, int[][] offset, int length) {
    int n = x1 - x0;
    float[] best = new float[n];
    float[] sum = new float[n];
    for (int[] o : offset) {
      Arrays.fill(sum, 0);
      int i = 0;
      for (; i + 4 <= length; i += 4) { // four taps a pass, still added one after another
        int a = row + x0 + o[i];
        int b = row + x0 + o[i + 1];
        int c = row + x0 + o[i + 2];
        int d = row + x0 + o[i + 3];
        for (int x = 0; x < n; x++) {
          sum[x] = sum[x] + in[a + x] + in[b + x] + in[c + x] + in[d + x];
        }
      }
      for (; i < length; i++) {
        int a = row + x0 + o[i];
        for (int x = 0; x < n; x++) {
          sum[x] += in[a + x];
        }
      }
      for (int x = 0; x < n; x++) {
        float v = sum[x];
        float b = best[x];
        best[x] = Math.abs(v) > Math.abs(b) ? v : b; // a select, not a branch: signs are random
      }
    }
    for (int x = 0; x < n; x++) {
      out[row + x0 + x] = best[x] / length;
    }
  }

  /**
   * Replaces values by |value − m| / σ, with m the median and σ = 1.4826 × the median absolute
   * deviation over the allowed pixels (a morphological background is biased by the noise; the
   * median takes the bias out), at least {@link #SIGMA_FLOOR}; 0 where not allowed. Returns σ.
   */
  static float normalise(float[] values, boolean[] allowed) {
    float[] centre = robustCentreAndSigma(values, allowed);
    float sigma = Math.max(centre[1], SIGMA_FLOOR);
    float scale = 1 / sigma;
    Pixels.each(values.length, (from, to) -> {
      for (int p = from; p < to; p++) {
        values[p] = allowed[p] ? Math.abs(values[p] - centre[0]) * scale : 0;
      }
    });
    return sigma;
  }

  /** {median, 1.4826 × MAD} over a regular sample of at most about 200 000 allowed pixels. */
  public static float[] robustCentreAndSigma(float[] values, boolean[] allowed) {
    int count = Pixels.count(allowed);
    if (count == 0) {
      return new float[] {0, 0};
    }
    int step = Math.max(1, count / 200_000);
    float[] sample = new float[(count + step - 1) / step];
    int n = 0;
    int skip = 0; // allowed pixels to pass over before the next sample
    for (int p = 0; p < values.length; p++) {
      if (allowed[p]) {
        if (skip == 0) {
          sample[n++] = values[p];
          skip = step;
        }
        skip--;
      }
    }
    Arrays.sort(sample, 0, n);
    float median = sample[n / 2];
    for (int i = 0; i < n; i++) {
      sample[i] = Math.abs(sample[i] - median);
    }
    Arrays.sort(sample, 0, n);
    return new float[] {median, 1.4826f * sample[n / 2]};
  }
}
