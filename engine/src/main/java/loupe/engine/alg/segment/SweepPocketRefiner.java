// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.mask.impl.BinaryDilation;
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
    // A link's hole lies in a thin part of the piece (a chain); a stone's facets, which can mirror
    // the sweep, lie in a wide part. Only the thin parts are looked at.
    int t = cfg.thinRadius();
    boolean[] wide = BinaryDilation.square(BinaryMorphology.erode(jewelry, work.width, work.height, t),
        work.width, work.height, t);
    Rect thinBox = bounds(BinaryMorphology.and(jewelry, BinaryMorphology.invert(wide)), work);
    if (thinBox == null) {
      return;
    }
    // Room for the 3×3 means and the matting window around the thin parts.
    Rect box = thinBox.grow(work.fullPx(1) + 3, Rect.ofSize(image.width, image.height));
    int w = box.width();
    int h = box.height();
    int bands = local.length;
    Plane[] seen = new Plane[bands];
    Plane[] bg = new Plane[bands];
    Plane[] mean = new Plane[bands];
    Interpolation grid = new Interpolation(work, box);
    // Channels are independent: one task each (disjoint outputs, so the result is deterministic).
    IntStream.range(0, bands).parallel().forEach(c -> {
      seen[c] = crop(image.bands[c], box);
      bg[c] = grid.plane(local[c]);
      mean[c] = BoxFilter.mean(seen[c], 1);
    });
    progress.checkCancelled();
    float[] lum = new float[w * h];
    for (int c = 0; c < bands; c++) {
      float[] m = mean[c].data();
      for (int i = 0; i < lum.length; i++) {
        lum[i] += m[i] / bands;
      }
    }
    Plane curvature = BoxFilter.mean(CoarseClassifier.absLaplacian(new Plane(w, h, lum)), 1);
    double flatLimit = cfg.flatSigmas() * sigma;
    double sweepLimit = cfg.pocketSigmas() * sigma / 3;
    boolean[] open = new boolean[w * h];
    boolean[] candidate = new boolean[w * h];
    double[] model = new double[bands];
    for (int y = 0; y < h; y++) {
      int row = mask.startIndex + (box.top() + y) * mask.stride + box.left();
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        open[i] = mask.data[row + x] == 0;
        if (!open[i] && curvature.data()[i] < flatLimit && showsSweep(mean, bg, i, sweepLimit)) {
          for (int c = 0; c < bands; c++) {
            model[c] = grid.at(sweep[c], x, y);
          }
          candidate[i] = showsModel(mean, model, i, cfg.sweepTolerance());
        }
      }
    }
    progress.checkCancelled();
    ConnectedComponents regions = ConnectedComponents.of(candidate, w, h);
    int n = regions.areas.length;
    int[] thinCount = new int[n];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int id = regions.labels[y * w + x];
        int iw = work.index(box.left() + x, box.top() + y);
        if (id >= 0 && !wide[iw]) {
          thinCount[id]++;
        }
      }
    }
    boolean[] back = new boolean[w * h];
    for (int i = 0; i < back.length; i++) {
      int id = regions.labels[i];
      back[i] = id >= 0 && regions.areas[id] >= cfg.minPocketArea() && 2 * thinCount[id] >= regions.areas[id];
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
    boolean[] rim = BinaryMorphology.and(BinaryDilation.square(back, w, h, r),
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

  /** Every channel's 3×3 mean within {@code limit} of the sweep model's value there. */
  private static boolean showsModel(Plane[] mean, double[] model, int i, double limit) {
    boolean near = true;
    for (int c = 0; c < mean.length; c++) {
      near &= Math.abs(mean[c].data()[i] - model[c]) < limit;
    }
    return near;
  }

  /** Every channel's 3×3 mean within {@code limit} of the local background. */
  private static boolean showsSweep(Plane[] mean, Plane[] bg, int i, double limit) {
    boolean near = true;
    for (int c = 0; c < mean.length; c++) {
      near &= Math.abs(mean[c].data()[i] - bg[c].data()[i]) < limit;
    }
    return near;
  }

  /** The full-resolution bounding box of the set work pixels, or null if none is. */
  private static Rect bounds(boolean[] set, WorkImage work) {
    int left = work.width;
    int top = work.height;
    int right = 0;
    int bottom = 0;
    for (int y = 0; y < work.height; y++) {
      for (int x = 0; x < work.width; x++) {
        if (set[y * work.width + x]) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
          top = Math.min(top, y);
          bottom = y + 1;
        }
      }
    }
    return right == 0 ? null : work.fullBox(left, top, right, bottom);
  }

  /** The band inside {@code box}, in levels. */
  static Plane crop(GrayU16 band, Rect box) {
    Plane out = new Plane(box.width(), box.height());
    for (int y = 0; y < box.height(); y++) {
      int row = band.startIndex + (box.top() + y) * band.stride + box.left();
      for (int x = 0; x < box.width(); x++) {
        out.data()[y * box.width() + x] = (band.data[row + x] & 0xFFFF) / 257f;
      }
    }
    return out;
  }

  /** Bilinear interpolation of work-grid planes at the full-resolution pixels of a box, with the weights precomputed. */
  private static final class Interpolation {
    private final int w;
    private final int h;
    private final int[] x0;
    private final int[] x1;
    private final float[] wx;
    private final int[] y0;
    private final int[] y1;
    private final float[] wy;

    Interpolation(WorkImage work, Rect box) {
      w = box.width();
      h = box.height();
      x0 = new int[w];
      x1 = new int[w];
      wx = new float[w];
      axis(work, box.left(), work.width, 1, x0, x1, wx);
      y0 = new int[h];
      y1 = new int[h];
      wy = new float[h];
      axis(work, box.top(), work.height, work.width, y0, y1, wy);
    }

    /**
     * Along one axis from full-resolution {@code start}: the two work samples around each pixel
     * centre (clamped to {@code size}, times {@code stride}) and the weight of the second.
     */
    private static void axis(WorkImage work, int start, int size, int stride, int[] lo, int[] hi, float[] weight) {
      for (int i = 0; i < lo.length; i++) {
        double u = work.coordinate(start + i);
        int below = (int) Math.floor(u);
        weight[i] = (float) Math.min(1, Math.max(0, u - below));
        lo[i] = Math.max(0, Math.min(size - 1, below)) * stride;
        hi[i] = Math.max(0, Math.min(size - 1, below + 1)) * stride;
      }
    }

    /** The value of {@code p} at pixel (x, y) of the box. */
    float at(Plane p, int x, int y) {
      float[] b = p.data();
      float top = b[y0[y] + x0[x]] + wx[x] * (b[y0[y] + x1[x]] - b[y0[y] + x0[x]]);
      float bottom = b[y1[y] + x0[x]] + wx[x] * (b[y1[y] + x1[x]] - b[y1[y] + x0[x]]);
      return top + wy[y] * (bottom - top);
    }

    /** {@code p} at every pixel of the box. */
    Plane plane(Plane p) {
      Plane out = new Plane(w, h);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out.data()[y * w + x] = at(p, x, y);
        }
      }
      return out;
    }
  }
}
