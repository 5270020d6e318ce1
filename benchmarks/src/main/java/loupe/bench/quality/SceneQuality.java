// SPDX-License-Identifier: Apache-2.0
package loupe.bench.quality;

import loupe.engine.alg.denoise.DenoiseOps;
import loupe.engine.alg.denoise.NoiseEstimate;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;

/**
 * The bench's quality numbers on top of {@link QualityMetrics}: changed-pixel counts, residue per
 * defect label at the 12-level threshold the labels were made with, and null instead of a number
 * when a region is empty. All images are Not modified.
 */
public final class SceneQuality {
  /** 12 levels of 8 bits, in 16-bit storage: the threshold truth_defects.png was labelled at. */
  public static final int RESIDUE_TOLERANCE = 12 * 257;
  /** IoU and boundary F binarise soft masks at one half. */
  public static final int MASK_THRESHOLD = 32768;
  /** Boundary F matches boundary pixels within this many pixels (Chebyshev). */
  public static final int BOUNDARY_TOLERANCE = 2;

  private SceneQuality() {}

  /** PSNR in 8-bit terms (peak 255) over {@code region}; null for an empty region. */
  public static Double psnr8(Planar a, Planar b, GrayU16 region) {
    return Regions.count(region) == 0 ? null : QualityMetrics.psnr(a, b, region, 255.0);
  }

  /**
   * Fraction of the pixels labelled {@code labels} where some band of {@code result} is still at
   * least 12 levels (8-bit) off {@code clean}; null when no pixel carries those labels.
   */
  public static Double residue(Planar result, Planar clean, GrayU16 defectLabels, int... labels) {
    GrayU16 region = Regions.labelled(defectLabels, labels);
    return Regions.count(region) == 0 ? null : QualityMetrics.residue(result, clean, region, RESIDUE_TOLERANCE);
  }

  /** Fraction of the pixels of {@code region} (&gt; 0) that {@code detected} covers (&gt; 0); null for an empty region. */
  public static Double coverage(GrayU16 detected, GrayU16 region) {
    ImageChecks.sameSize(detected, region);
    long in = 0;
    long hit = 0;
    for (int y = 0; y < region.height; y++) {
      for (int x = 0; x < region.width; x++) {
        if (region.get(x, y) > 0) {
          in++;
          if (detected.get(x, y) > 0) {
            hit++;
          }
        }
      }
    }
    return in == 0 ? null : (double) hit / in;
  }

  /** Pixels of {@code detected} (&gt; 0) outside {@code region}. */
  public static long outside(GrayU16 detected, GrayU16 region) {
    ImageChecks.sameSize(detected, region);
    long n = 0;
    for (int y = 0; y < region.height; y++) {
      for (int x = 0; x < region.width; x++) {
        if (detected.get(x, y) > 0 && region.get(x, y) == 0) {
          n++;
        }
      }
    }
    return n;
  }

  /** IoU of two soft masks binarised at one half. */
  public static double iou(GrayU16 predicted, GrayU16 truth) {
    return QualityMetrics.iou(predicted, truth, MASK_THRESHOLD);
  }

  /** Boundary F of two soft masks binarised at one half, within {@link #BOUNDARY_TOLERANCE} pixels. */
  public static double boundaryF(GrayU16 predicted, GrayU16 truth) {
    return QualityMetrics.boundaryF(predicted, truth, MASK_THRESHOLD, BOUNDARY_TOLERANCE);
  }

  /** Sensor noise left in the background: the engine's Haar estimate, averaged over bands, in 8-bit levels. */
  public static double noiseSigma8(Planar image, GrayU16 productMask) {
    NoiseEstimate e = DenoiseOps.estimateNoise(image, productMask);
    double sum = 0;
    for (int c = 0; c < e.numBands(); c++) {
      sum += e.sigma8bit(c);
    }
    return sum / e.numBands();
  }
}
