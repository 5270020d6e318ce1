// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Gives back to the background, at full resolution, the sweep seen through the holes of chain
 * links, which the coarse decision keeps with the piece because on the work image a hole is only a
 * few pixels wide and blends with the wire around it.
 *
 * <p>Every selected pixel is compared with the local background B (the normalised convolution of
 * {@link EdgeRefiner#localBackground}) on its 3×3 mean m. It shows the sweep when it is flat (the
 * mean |Laplacian| of the mean luminance stays at the noise level: polished metal and facets curve
 * or break every few pixels, the sweep does not), every channel of m lies within a few noise
 * sigmas (of the mean, σ/3) of B, and within {@link SegmentConfig#sweepTolerance()} of the sweep
 * model too: a hole shows the sweep itself, while B next to a prop is darkened by it and can match
 * a metal face as dark as the prop. A connected region of such pixels is background when it is large
 * enough not to be a chance match and lies mostly in a thin part of the coarse jewelry (one the
 * morphological opening by {@link SegmentConfig#thinRadius()} removes: a chain), never in a wide
 * part such as a stone, whose facets can mirror the sweep. The still-selected pixels next to a
 * region given back get the matting estimate of {@link EdgeRefiner} against B, so that the
 * anti-aliased rim of a hole is shared.
 */
final class SweepPocketRefiner {
  private SweepPocketRefiner() {}

  /**
   * @param image the shot; Not modified
   * @param work its reduction; Not modified
   * @param sweep the sweep model on the work grid, one plane per channel; Not modified
   * @param local the local background on the work grid, one plane per channel; Not modified
   * @param jewelry the coarse decision (work size); Not modified
   * @param sigma the noise of one full-resolution pixel, in levels
   * @param mask the full-resolution product mask; Modified (pixels given back are lowered)
   */
  static void refine(Planar image, WorkImage work, Plane[] sweep, Plane[] local, boolean[] jewelry, double sigma,
      SegmentConfig cfg, GrayU16 mask, Progress progress) {
    Rect box = bounds(mask);
    if (box == null) {
      return;
    }
    int margin = 2;
    box = box.grow(margin, Rect.ofSize(image.width, image.height));
    int w = box.width();
    int h = box.height();
    int bands = local.length;
    Plane[] seen = new Plane[bands];
    Plane[] bg = new Plane[bands];
    Plane[] model = new Plane[bands];
    for (int c = 0; c < bands; c++) {
      seen[c] = crop(image.bands[c], box);
      bg[c] = upsample(local[c], work, box);
      model[c] = upsample(sweep[c], work, box);
    }
    progress.checkCancelled();
    Plane[] mean = new Plane[bands];
    float[] lum = new float[w * h];
    for (int c = 0; c < bands; c++) {
      mean[c] = BoxFilter.mean(seen[c], 1);
      for (int i = 0; i < lum.length; i++) {
        lum[i] += mean[c].data()[i] / bands;
      }
    }
    Plane curvature = BoxFilter.mean(CoarseClassifier.absLaplacian(new Plane(w, h, lum)), 1);
    double flatLimit = cfg.flatSigmas() * sigma;
    double sweepLimit = cfg.pocketSigmas() * sigma / 3;
    boolean[] open = new boolean[w * h];
    boolean[] candidate = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        open[i] = mask.get(box.left() + x, box.top() + y) == 0;
        candidate[i] = !open[i] && curvature.data()[i] < flatLimit && showsSweep(mean, bg, i, sweepLimit)
            && showsSweep(mean, model, i, cfg.sweepTolerance());
      }
    }
    progress.checkCancelled();
    ConnectedComponents regions = ConnectedComponents.of(candidate, w, h);
    int n = regions.areas.length;
    // A link's hole lies in a thin part of the piece (a chain); a stone's facets, which can mirror
    // the sweep, lie in a wide part.
    int t = cfg.thinRadius();
    boolean[] wide = BinaryMorphology.dilate(BinaryMorphology.erode(jewelry, work.width, work.height, t),
        work.width, work.height, t);
    int[] thin = new int[n];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int id = regions.labels[y * w + x];
        int iw = Math.min(work.height - 1, (box.top() + y) / work.factor) * work.width
            + Math.min(work.width - 1, (box.left() + x) / work.factor);
        if (id >= 0 && !wide[iw]) {
          thin[id]++;
        }
      }
    }
    boolean[] back = new boolean[w * h];
    for (int i = 0; i < back.length; i++) {
      int id = regions.labels[i];
      back[i] = id >= 0 && regions.areas[id] >= cfg.minPocketArea() && 2 * thin[id] >= regions.areas[id];
    }
    apply(box, seen, bg, back, open, sigma * cfg.noiseSigmas(), cfg.edgePeakShare(), mask);
  }

  /**
   * Pixels of {@code back} become 0; the still-selected pixels within two pixels of them get
   * alpha = d / (s · max d over the 5×5 window), d = max_c |I_c − B_c|, and 0 below the noise floor.
   */
  private static void apply(Rect box, Plane[] seen, Plane[] bg, boolean[] back, boolean[] open, double floor,
      double peakShare, GrayU16 mask) {
    int w = box.width();
    int h = box.height();
    int r = 2;
    boolean[] rim = BinaryMorphology.and(BinaryMorphology.dilate(back, w, h, r),
        BinaryMorphology.invert(BinaryMorphology.or(back, open)));
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      float worst = 0;
      for (int c = 0; c < seen.length; c++) {
        worst = Math.max(worst, Math.abs(seen[c].data()[i] - bg[c].data()[i]));
      }
      d[i] = worst;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (back[i]) {
          mask.set(box.left() + x, box.top() + y, 0);
        } else if (rim[i]) {
          float dmax = 0;
          for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
              dmax = Math.max(dmax, d[yy * w + xx]);
            }
          }
          int alpha = d[i] < floor || dmax <= 0 ? 0
              : (int) Math.round(65535.0 * Math.min(1.0, d[i] / (peakShare * dmax)));
          mask.set(box.left() + x, box.top() + y, Math.min(mask.get(box.left() + x, box.top() + y), alpha));
        }
      }
    }
  }

  /** Every channel's 3×3 mean within {@code limit} of the local background. */
  private static boolean showsSweep(Plane[] mean, Plane[] bg, int i, double limit) {
    boolean near = true;
    for (int c = 0; c < mean.length; c++) {
      near &= Math.abs(mean[c].data()[i] - bg[c].data()[i]) < limit;
    }
    return near;
  }

  /** The bounding box of the selected pixels, or null if none is. */
  private static Rect bounds(GrayU16 mask) {
    int left = mask.width;
    int top = mask.height;
    int right = 0;
    int bottom = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (mask.get(x, y) != 0) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
          top = Math.min(top, y);
          bottom = y + 1;
        }
      }
    }
    return right == 0 ? null : new Rect(left, top, right, bottom);
  }

  /** The band inside {@code box}, in levels. */
  private static Plane crop(GrayU16 band, Rect box) {
    Plane out = new Plane(box.width(), box.height());
    for (int y = 0; y < box.height(); y++) {
      int row = band.startIndex + (box.top() + y) * band.stride + box.left();
      for (int x = 0; x < box.width(); x++) {
        out.data()[y * box.width() + x] = (band.data[row + x] & 0xFFFF) / 257f;
      }
    }
    return out;
  }

  /** A work-grid plane bilinearly interpolated at the full-resolution pixels of {@code box}. */
  static Plane upsample(Plane p, WorkImage work, Rect box) {
    Plane out = new Plane(box.width(), box.height());
    for (int y = 0; y < box.height(); y++) {
      double v = (box.top() + y + 0.5) / work.factor - 0.5;
      int lo = (int) Math.floor(v);
      float wy = (float) Math.min(1, Math.max(0, v - lo));
      int y0 = Math.max(0, Math.min(work.height - 1, lo)) * work.width;
      int y1 = Math.max(0, Math.min(work.height - 1, lo + 1)) * work.width;
      for (int x = 0; x < box.width(); x++) {
        double u = (box.left() + x + 0.5) / work.factor - 0.5;
        int xl = (int) Math.floor(u);
        float wx = (float) Math.min(1, Math.max(0, u - xl));
        int x0 = Math.max(0, Math.min(work.width - 1, xl));
        int x1 = Math.max(0, Math.min(work.width - 1, xl + 1));
        float[] b = p.data();
        float topV = b[y0 + x0] + wx * (b[y0 + x1] - b[y0 + x0]);
        float bottomV = b[y1 + x0] + wx * (b[y1 + x1] - b[y1 + x0]);
        out.data()[y * box.width() + x] = topV + wy * (bottomV - topV);
      }
    }
    return out;
  }
}
