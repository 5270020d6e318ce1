// SPDX-License-Identifier: Apache-2.0
package loupe.engine.quality;

import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Quality numbers Loupe is judged by: PSNR over a region, mask IoU, boundary F-measure, defect
 * residue, changed pixels and the largest sample difference. All inputs are Not modified. Regions
 * are masks where a sample &gt; 0 counts as "in".
 */
public final class QualityMetrics {
  private QualityMetrics() {}

  /**
   * Peak signal-to-noise ratio in dB between {@code a} and {@code b} over the pixels where {@code
   * region} &gt; 0, with a peak of {@code peak} (255.0 to report in 8-bit terms, 65535.0 for
   * 16-bit). Samples are 16-bit storage; they are scaled by peak/65535 first. Identical images give
   * {@link Double#POSITIVE_INFINITY}.
   */
  public static double psnr(Planar a, Planar b, GrayU16 region, double peak) {
    ImageChecks.sameShape(a, b);
    ImageChecks.sameSize(a, region);
    double scale = peak / 65535.0;
    double sum = 0;
    long count = 0;
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        if (region.get(x, y) == 0) {
          continue;
        }
        for (int c = 0; c < a.numBands(); c++) {
          double d = (a.bands[c].get(x, y) - b.bands[c].get(x, y)) * scale;
          sum += d * d;
        }
        count += a.numBands();
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("PSNR over an empty region");
    }
    double mse = sum / count;
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
  }

  /** Intersection over union of {@code a ≥ threshold} and {@code b ≥ threshold}; 1.0 when both are empty. */
  public static double iou(GrayU16 a, GrayU16 b, int threshold) {
    return iou(a, threshold, b, threshold);
  }

  /** Intersection over union of {@code a ≥ thresholdA} and {@code b ≥ thresholdB}; 1.0 when both are empty. */
  public static double iou(GrayU16 a, int thresholdA, GrayU16 b, int thresholdB) {
    ImageChecks.sameSize(a, b);
    long inter = 0;
    long union = 0;
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        boolean pa = a.get(x, y) >= thresholdA;
        boolean pb = b.get(x, y) >= thresholdB;
        if (pa && pb) {
          inter++;
        }
        if (pa || pb) {
          union++;
        }
      }
    }
    return union == 0 ? 1.0 : (double) inter / union;
  }

  /**
   * Boundary F-measure (Martin, Fowlkes, Malik, TPAMI 2004; as in the DAVIS benchmark): boundary
   * pixels of each binarised mask match if a boundary pixel of the other lies within {@code
   * tolerance} pixels (Chebyshev distance). Returns the harmonic mean of boundary precision and
   * recall; 1.0 when neither mask has a boundary.
   */
  public static double boundaryF(GrayU16 predicted, GrayU16 truth, int threshold, int tolerance) {
    ImageChecks.sameSize(predicted, truth);
    boolean[] bp = boundary(predicted, threshold);
    boolean[] bt = boundary(truth, threshold);
    long np = count(bp);
    long nt = count(bt);
    if (np == 0 && nt == 0) {
      return 1.0;
    }
    if (np == 0 || nt == 0) {
      return 0.0;
    }
    double precision = (double) matched(bp, bt, predicted.width, predicted.height, tolerance) / np;
    double recall = (double) matched(bt, bp, predicted.width, predicted.height, tolerance) / nt;
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  /**
   * Fraction of the pixels where {@code defects} &gt; 0 that are still wrong in {@code result}:
   * some band differs from {@code clean} by at least {@code tolerance} (16-bit storage units).
   */
  public static double residue(Planar result, Planar clean, GrayU16 defects, int tolerance) {
    long[] n = offPixels(result, clean, defects, tolerance);
    return n[0] == 0 ? 0.0 : (double) n[1] / n[0];
  }

  /** Pixels in {@code region} (&gt; 0) where some band of {@code a} differs from {@code b}. */
  public static long changedPixels(Planar a, Planar b, GrayU16 region) {
    return offPixels(a, b, region, 1)[1];
  }

  /** {pixels in region, those of them where some band of a and b differs by at least tolerance}. */
  private static long[] offPixels(Planar a, Planar b, GrayU16 region, int tolerance) {
    ImageChecks.sameShape(a, b);
    ImageChecks.sameSize(a, region);
    long total = 0;
    long off = 0;
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        if (region.get(x, y) == 0) {
          continue;
        }
        total++;
        for (int c = 0; c < a.numBands(); c++) {
          if (Math.abs(a.bands[c].get(x, y) - b.bands[c].get(x, y)) >= tolerance) {
            off++;
            break;
          }
        }
      }
    }
    return new long[] {total, off};
  }

  /** The largest |a − b| over all pixels (0 for identical masks). */
  public static int maxDifference(GrayU16 a, GrayU16 b) {
    ImageChecks.sameSize(a, b);
    int max = 0;
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        max = Math.max(max, Math.abs(a.get(x, y) - b.get(x, y)));
      }
    }
    return max;
  }

  private static boolean[] boundary(GrayU16 mask, int threshold) {
    int w = mask.width;
    int h = mask.height;
    boolean[] out = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean in = mask.get(x, y) >= threshold;
        if (!in) {
          continue;
        }
        // A foreground pixel with a 4-neighbour outside the mask (or the frame edge inside) is on the boundary.
        boolean edge = (x > 0 && mask.get(x - 1, y) < threshold) || (x + 1 < w && mask.get(x + 1, y) < threshold)
            || (y > 0 && mask.get(x, y - 1) < threshold) || (y + 1 < h && mask.get(x, y + 1) < threshold);
        out[y * w + x] = edge;
      }
    }
    return out;
  }

  private static long count(boolean[] flags) {
    long n = 0;
    for (boolean f : flags) {
      if (f) {
        n++;
      }
    }
    return n;
  }

  private static long matched(boolean[] from, boolean[] to, int w, int h, int tolerance) {
    long n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (from[y * w + x] && anyWithin(to, w, h, x, y, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean anyWithin(boolean[] flags, int w, int h, int cx, int cy, int r) {
    for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
      for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
        if (flags[y * w + x]) {
          return true;
        }
      }
    }
    return false;
  }
}
