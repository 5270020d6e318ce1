// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import loupe.engine.alg.defects.impl.BackgroundEstimate;
import loupe.engine.alg.defects.impl.BinaryMasks;
import loupe.engine.alg.defects.impl.GrayMorphology;
import loupe.engine.alg.defects.impl.SpeckResponses;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Finds dust specks, sensor-dust spots, hairs and lint on a studio background: places that differ
 * from the locally smooth background by more than the noise explains. Works on the mean of the
 * bands, in two channels whose detections are united and dilated to cover halos and shadows:
 *
 * <ul>
 *   <li><b>fine</b> (specks and hairs up to {@code 2·speckRadius} wide): the residual against a
 *       gray closing-then-opening of the 3×3-smoothed image (a top-hat, Meyer 1979), which keeps
 *       every broader shape, so a hair stays separate from a shadow or a prop it touches;
 *   <li><b>coarse</b> (soft spots such as sensor dust): the residual against a large-scale
 *       background ({@link BackgroundEstimate}: masked median, then local plane fits that follow
 *       shadow ramps); a component larger than {@link DefectConfig#maxArea()} is a prop or a
 *       shadow and is dropped.
 * </ul>
 *
 * Each channel tests point, 3×3 and (fine only) oriented-line responses, each divided by its own
 * robust σ over the background, seeds above {@link DefectConfig#seedThreshold()} and an absolute
 * contrast floor, and grows them by hysteresis. A component touching the product's guard band is
 * dropped (contact shadows and reflections look like defects there).
 *
 * <p>Nothing is reported on the product ({@code P > 0}) or within {@link DefectConfig#guardBand()}
 * of it, and no product pixel informs either background.
 */
public final class DefectDetector {
  private DefectDetector() {}

  /** {@link #detect(Planar, GrayU16, GrayU16, DefectConfig)} into a new mask. */
  public static GrayU16 detect(Planar image, GrayU16 productMask, DefectConfig cfg) {
    return detect(image, productMask, null, cfg);
  }

  /**
   * @param image Not modified.
   * @param productMask P, 65535 = jewelry. Not modified.
   * @param output Modified; null to allocate.
   * @return {@code output}: 65535 where a background defect is, 0 elsewhere
   */
  public static GrayU16 detect(Planar image, GrayU16 productMask, GrayU16 output, DefectConfig cfg) {
    ImageChecks.sameSize(image, productMask);
    int w = image.width;
    int h = image.height;
    int n = w * h;
    output = ImageChecks.reshape(output, w, h);
    if (n == 0) {
      return output;
    }
    boolean[] product = new boolean[n];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        product[y * w + x] = productMask.data[productMask.index(x, y)] != 0;
      }
    }
    boolean[] excluded = BinaryMasks.dilate(product, w, h, cfg.guardBand());
    boolean[] allowed = new boolean[n];
    for (int p = 0; p < n; p++) {
      allowed[p] = !excluded[p];
    }
    float[] gray = gray(image);
    float[] background = BackgroundEstimate.estimate(gray, allowed, w, h, cfg.backgroundRadius(), cfg.backgroundStep(),
        cfg.growThreshold(), cfg.maxArea());
    // Excluded pixels take the smooth estimate, so the product cannot leak into the fine background.
    float[] neutral = gray.clone();
    for (int p = 0; p < n; p++) {
      if (!allowed[p]) {
        neutral[p] = background[p];
      }
    }
    float[] local = GrayMorphology.closeOpen(SpeckResponses.boxMean3(neutral, w, h), w, h, cfg.speckRadius());
    float[] fineResidual = new float[n];
    float[] coarseResidual = new float[n];
    for (int p = 0; p < n; p++) {
      if (allowed[p]) {
        fineResidual[p] = gray[p] - local[p];
        coarseResidual[p] = gray[p] - background[p];
      }
    }
    boolean[] found = detections(SpeckResponses.of(fineResidual, allowed, w, h, cfg.lineLength()), allowed, excluded,
        Integer.MAX_VALUE, cfg);
    boolean[] spots = detections(SpeckResponses.withoutLines(coarseResidual, allowed, w, h), allowed,
        excluded, cfg.maxArea(), cfg);
    for (int p = 0; p < n; p++) {
      found[p] |= spots[p];
    }
    found = BinaryMasks.dilate(found, w, h, cfg.dilation());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        output.data[output.index(x, y)] = (short) (found[p] && allowed[p] ? 65535 : 0);
      }
    }
    return output;
  }

  /** Hysteresis on the responses: seeds need the seed threshold and the contrast floor. */
  private static boolean[] detections(SpeckResponses r, boolean[] allowed, boolean[] avoid, int maxArea,
      DefectConfig cfg) {
    int n = allowed.length;
    boolean[] seed = new boolean[n];
    boolean[] grow = new boolean[n];
    double hi = cfg.seedThreshold();
    double lo = cfg.growThreshold();
    double floor = cfg.minContrast() * 257;
    for (int p = 0; p < n; p++) {
      if (allowed[p]) {
        seed[p] = (r.point[p] >= hi && r.point[p] * r.pointSigma >= floor)
            || (r.blob[p] >= hi && r.blob[p] * r.blobSigma >= floor)
            || (r.line[p] >= hi && r.line[p] * r.lineSigma >= floor);
        grow[p] = r.blob[p] >= lo || r.line[p] >= lo;
      }
    }
    return BinaryMasks.hysteresis(seed, grow, r.width, n / r.width, maxArea, avoid);
  }

  /** Mean of the bands, in 16-bit storage units. */
  static float[] gray(Planar image) {
    int w = image.width;
    int h = image.height;
    float[] out = new float[w * h];
    for (GrayU16 band : image.bands) {
      for (int y = 0; y < h; y++) {
        int row = band.startIndex + y * band.stride;
        for (int x = 0; x < w; x++) {
          out[y * w + x] += band.data[row + x] & 0xFFFF;
        }
      }
    }
    float scale = 1f / image.numBands();
    for (int p = 0; p < w * h; p++) {
      out[p] *= scale;
    }
    return out;
  }
}
