// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import java.util.stream.IntStream;
import loupe.engine.alg.defects.impl.BackgroundEstimate;
import loupe.engine.alg.defects.impl.BinaryMasks;
import loupe.engine.alg.defects.impl.GrayMorphology;
import loupe.engine.alg.defects.impl.Pixels;
import loupe.engine.alg.defects.impl.SpeckResponses;
import loupe.engine.alg.mask.impl.BinaryDilation;
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
    output = ImageChecks.reshape(output, w, image.height);
    if (w * image.height == 0) {
      return output;
    }
    Planes planes = planes(image, productMask, cfg);
    GrayU16 out = output;
    IntStream.range(0, image.height).parallel().forEach(y -> {
      int row = out.startIndex + y * out.stride;
      for (int x = 0; x < w; x++) {
        out.data[row + x] = (short) (planes.found[y * w + x] ? 65535 : 0);
      }
    });
    return output;
  }

  /**
   * The detector's planes, row-major: {@code found} is the output (allowed pixels only), the rest
   * are the intermediates {@link MarginRelease} shares rather than computes again.
   *
   * @param width plane width
   * @param height plane height
   * @param product P &gt; 0
   * @param allowed neither the product nor its guard band
   * @param gray mean of the bands
   * @param background the large-scale background estimate
   */
  record Planes(int width, int height, boolean[] found, boolean[] product, boolean[] allowed, float[] gray,
      float[] background) {}

  /** The detection and its intermediates, for a non-empty image. */
  static Planes planes(Planar image, GrayU16 productMask, DefectConfig cfg) {
    int w = image.width;
    int h = image.height;
    int n = w * h;
    boolean[] product = new boolean[n];
    IntStream.range(0, h).parallel().forEach(y -> {
      int row = productMask.startIndex + y * productMask.stride;
      for (int x = 0; x < w; x++) {
        product[y * w + x] = productMask.data[row + x] != 0;
      }
    });
    boolean[] excluded = BinaryDilation.square(product, w, h, cfg.guardBand());
    boolean[] allowed = new boolean[n];
    float[] gray = gray(image);
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        allowed[p] = !excluded[p];
      }
    });
    float[] background = BackgroundEstimate.estimate(gray, allowed, w, h, cfg.backgroundRadius(), cfg.backgroundStep(),
        cfg.growThreshold(), cfg.maxArea());
    // Excluded pixels take the smooth estimate, so the product cannot leak into the fine background.
    float[] neutral = new float[n];
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        neutral[p] = allowed[p] ? gray[p] : background[p];
      }
    });
    float[] local = GrayMorphology.closeOpen(SpeckResponses.boxMean3(neutral, w, h), w, h, cfg.speckRadius());
    float[] fineResidual = new float[n];
    float[] coarseResidual = new float[n];
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        if (allowed[p]) {
          fineResidual[p] = gray[p] - local[p];
          coarseResidual[p] = gray[p] - background[p];
        }
      }
    });
    boolean[] found = detections(SpeckResponses.of(fineResidual, allowed, w, h, cfg.lineLength()), allowed, excluded,
        Integer.MAX_VALUE, cfg);
    boolean[] spots = detections(SpeckResponses.withoutLines(coarseResidual, allowed, w, h), allowed,
        excluded, cfg.maxArea(), cfg);
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        found[p] |= spots[p];
      }
    });
    boolean[] grown = BinaryDilation.square(found, w, h, cfg.dilation());
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        grown[p] &= allowed[p];
      }
    });
    return new Planes(w, h, grown, product, allowed, gray, background);
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
    int w = r.width;
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        if (allowed[p]) {
          seed[p] = (r.point[p] >= hi && r.point[p] * r.pointSigma >= floor)
              || (r.blob[p] >= hi && r.blob[p] * r.blobSigma >= floor)
              || (r.line[p] >= hi && r.line[p] * r.lineSigma >= floor);
          grow[p] = r.blob[p] >= lo || r.line[p] >= lo;
        }
      }
    });
    return BinaryMasks.hysteresis(seed, grow, w, n / w, maxArea, avoid);
  }

  /** Mean of the bands, in 16-bit storage units. */
  static float[] gray(Planar image) {
    int w = image.width;
    int h = image.height;
    float[] out = new float[w * h];
    float scale = 1f / image.numBands();
    IntStream.range(0, h).parallel().forEach(y -> {
      for (GrayU16 band : image.bands) {
        int row = band.startIndex + y * band.stride;
        for (int x = 0; x < w; x++) {
          out[y * w + x] += band.data[row + x] & 0xFFFF;
        }
      }
      for (int p = y * w; p < (y + 1) * w; p++) {
        out[p] *= scale;
      }
    });
    return out;
  }
}
