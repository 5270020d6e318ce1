// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The pixels of a box around a stone that look like a shadow cast on the sweep, at full
 * resolution. A pixel is flat when the mean |Laplacian| of the 3×3 mean luminance stays below a few
 * noise sigmas (as in {@link SweepPocketRefiner}); a selected pixel is shadow-like when it is flat,
 * its 3×3 mean is a pure gain of the sweep model's colour ({@link #MAX_CHROMA}) and that gain is
 * below 1 ({@link #MIN_DEPTH}). A gray shot has no colour to check, so none of its pixels is.
 *
 * @param passable flat pixels that are unselected, or selected and shadow-like (row-major, box size)
 * @param shadow the selected shadow-like pixels connected through passable pixels to an unselected
 *     pixel of the background at the frame
 */
record ShadowMap(boolean[] passable, boolean[] shadow) {
  /** Largest colour departure (levels) of a shadow's 3×3 mean from a pure gain of the sweep's colour. */
  static final double MAX_CHROMA = 3.0;
  /** A shadow is at least this much darker than the sweep (relative). */
  static final double MIN_DEPTH = 0.03;

  /**
   * @param image the shot; Not modified
   * @param box the full-resolution box looked at
   * @param work the reduction of the shot; Not modified
   * @param sweep the sweep model on the work grid, one plane per channel; Not modified
   * @param selected the box's pixels the mask selects (≥ 50%); Not modified
   * @param frameBackground the coarse background connected to the frame (work size); Not modified
   * @param flatLimit levels: largest mean |Laplacian| of a flat pixel
   */
  static ShadowMap of(Planar image, Rect box, WorkImage work, Plane[] sweep, boolean[] selected,
      boolean[] frameBackground, double flatLimit) {
    int w = box.width();
    int h = box.height();
    int bands = sweep.length;
    Plane[] mean = new Plane[bands];
    float[] lum = new float[w * h];
    for (int c = 0; c < bands; c++) {
      mean[c] = BoxFilter.mean(SweepPocketRefiner.crop(image.bands[c], box), 1);
      for (int i = 0; i < lum.length; i++) {
        lum[i] += mean[c].data()[i] / bands;
      }
    }
    float[] curvature = BoxFilter.mean(CoarseClassifier.absLaplacian(new Plane(w, h, lum)), 1).data();
    boolean[] passable = new boolean[w * h];
    boolean[] seeds = new boolean[w * h];
    double[] ratio = new double[bands];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (curvature[i] >= flatLimit) {
          continue;
        }
        int iw = work.index(box.left() + x, box.top() + y);
        if (!selected[i]) {
          passable[i] = true;
          seeds[i] = frameBackground[iw];
        } else if (bands > 1) {
          double meanRatio = 0;
          double meanSweep = 0;
          for (int c = 0; c < bands; c++) {
            double s = Math.max(1.0, sweep[c].data()[iw]);
            ratio[c] = mean[c].data()[i] / s;
            meanRatio += ratio[c] / bands;
            meanSweep += s / bands;
          }
          double departure = 0;
          for (int c = 0; c < bands; c++) {
            departure = Math.max(departure, Math.abs(ratio[c] - meanRatio) * meanSweep);
          }
          passable[i] = departure < MAX_CHROMA && meanRatio < 1 - MIN_DEPTH;
        }
      }
    }
    boolean[] shadow = BinaryMorphology.and(BinaryMorphology.reconstruct(seeds, passable, w, h), selected);
    return new ShadowMap(passable, shadow);
  }
}
