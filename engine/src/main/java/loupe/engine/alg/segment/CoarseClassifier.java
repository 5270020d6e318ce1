// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.alg.mask.impl.BinaryDilation;

/**
 * The global jewelry/background decision on the work image, as a flood of background.
 *
 * <p>The sweep, its shadows and the matte props behind the piece are locally planar and close to
 * the sweep's hue ("smooth"), while polished metal and diamonds show strong curvature or colour at
 * every few pixels. The flood starts from the large smooth regions that are surely surface: those
 * touching the frame, those that mostly match the sweep model (a ring's interior) and those wider
 * than any facet. It spreads through smooth pixels and through the anti-aliased silhouettes of
 * props, whose pixels are blends of the smooth colours on either side, but never into the other
 * large smooth regions, which are facets or mirror faces enclosed by the piece. Thin lines between
 * two flooded regions (a prop's rim, lint, hair) are closed over. What the flood cannot reach is
 * jewelry; pieces that are tiny compared to the largest are dust. Pockets of background that the
 * piece mostly encloses are given back to it unless they show the sweep.
 */
final class CoarseClassifier {
  private CoarseClassifier() {}

  /**
   * Returns the jewelry mask of the work image (row-major, work size).
   *
   * @param work the reduced shot; Not modified
   * @param sweep the sweep model sampled on the work grid, one plane per channel; Not modified
   */
  static boolean[] jewelry(WorkImage work, Plane[] sweep, SegmentConfig cfg) {
    int w = work.width;
    int h = work.height;
    boolean[] smooth = smooth(work, sweep, cfg);
    boolean[] large = BinaryMorphology.reconstruct(
        BinaryMorphology.erode(smooth, w, h, cfg.largeSmoothRadius()), smooth, w, h);
    boolean[] blend = BinaryMorphology.and(blends(work, smooth, cfg),
        BinaryDilation.square(large, w, h, cfg.blendRadius()));
    boolean[] seeds = surfaceSeeds(work, sweep, large,
        BinaryMorphology.erode(smooth, w, h, cfg.surfaceRadius()), cfg);
    // Large smooth regions that are not seeds are facets or metal faces: the flood may not enter them.
    boolean[] faces = BinaryMorphology.and(large, BinaryMorphology.invert(seeds));
    boolean[] passable = BinaryMorphology.and(BinaryMorphology.or(smooth, blend), BinaryMorphology.invert(faces));
    boolean[] background = BinaryMorphology.reconstruct(seeds, passable, w, h);
    // A thin line between two background regions (a prop's rim highlight, lint, hair) is closed
    // over, and the flood continues across it.
    int gap = cfg.silhouetteGap();
    boolean[] closed = BinaryMorphology.erode(BinaryDilation.square(background, w, h, gap), w, h, gap);
    background = BinaryMorphology.reconstruct(background, BinaryMorphology.or(passable, closed), w, h);
    ConnectedComponents pieces = ConnectedComponents.of(BinaryMorphology.invert(background), w, h);
    int minArea = Math.max(1, (int) Math.ceil(cfg.minComponentFraction() * pieces.largestArea()));
    return closePockets(work, sweep, pieces.keepAtLeast(minArea), cfg);
  }

  /**
   * Background pixels whose (2r+1)² window is mostly jewelry become jewelry. The flood can leak
   * through a stone's thin girdle line into rim facets that are as smooth and neutral as the sweep;
   * such a pocket is surrounded by the stone, while background along a convex outline sees at most
   * half jewelry. A pocket that shows the sweep is closed only when it is connected to the
   * background at the frame, and at a higher share ({@link SegmentConfig#sweepPocketShare()}): a
   * ring's interior is enclosed and stays background, rim facets that mirror the sweep were reached
   * from outside. Errs towards jewelry, the safe side.
   */
  static boolean[] closePockets(WorkImage work, Plane[] sweep, boolean[] jewelry, SegmentConfig cfg) {
    Plane share = new Plane(work.width, work.height);
    for (int i = 0; i < jewelry.length; i++) {
      share.data()[i] = jewelry[i] ? 1 : 0;
    }
    share = BoxFilter.mean(share, cfg.pocketRadius());
    boolean[] outside = touchingFrame(BinaryMorphology.invert(jewelry), work.width, work.height);
    boolean[] out = jewelry.clone();
    for (int i = 0; i < out.length; i++) {
      double enclosed = share.data()[i];
      out[i] |= outside[i] ? enclosed >= cfg.sweepPocketShare() || enclosed >= cfg.pocketShare()
          && !showsSweep(work, sweep, i, cfg) : enclosed >= cfg.pocketShare() && !showsSweep(work, sweep, i, cfg);
    }
    return out;
  }

  /** The pixels of {@code mask} connected to the frame through {@code mask}. */
  private static boolean[] touchingFrame(boolean[] mask, int w, int h) {
    ConnectedComponents parts = ConnectedComponents.of(mask, w, h);
    boolean[] touches = new boolean[parts.areas.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int id = parts.labels[y * w + x];
        if (id >= 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1)) {
          touches[id] = true;
        }
      }
    }
    boolean[] out = new boolean[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = parts.labels[i] >= 0 && touches[parts.labels[i]];
    }
    return out;
  }

  /** Within {@link SegmentConfig#sweepTolerance()} of the sweep model in every channel. */
  static boolean showsSweep(WorkImage work, Plane[] sweep, int i, SegmentConfig cfg) {
    boolean near = true;
    for (int c = 0; c < sweep.length; c++) {
      near &= Math.abs(work.channels[c].data()[i] - sweep[c].data()[i]) < cfg.sweepTolerance();
    }
    return near;
  }

  /**
   * The large smooth regions that are certainly background: those touching the frame (the sweep
   * runs off every side of a product shot) and those that mostly show the sweep itself (a ring's
   * interior). A large facet or mirror-flat metal face is enclosed by the piece and does not show
   * the sweep where the sweep would be. A region wider than any facet or metal face ({@code wide}
   * marks the centres of smooth squares of radius {@link SegmentConfig#surfaceRadius()}) is a prop
   * or shadow even where the piece encloses it.
   */
  static boolean[] surfaceSeeds(WorkImage work, Plane[] sweep, boolean[] large, boolean[] wide, SegmentConfig cfg) {
    int w = work.width;
    int h = work.height;
    ConnectedComponents regions = ConnectedComponents.of(large, w, h);
    int n = regions.areas.length;
    boolean[] accepted = new boolean[n];
    int[] sweepLike = new int[n];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        int id = regions.labels[i];
        if (id < 0) {
          continue;
        }
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || wide[i]) {
          accepted[id] = true;
        }
        sweepLike[id] += showsSweep(work, sweep, i, cfg) ? 1 : 0;
      }
    }
    for (int id = 0; id < n; id++) {
      accepted[id] |= sweepLike[id] * 2 >= regions.areas[id];
    }
    acceptPropFaces(work, sweep, regions, accepted, cfg);
    boolean[] out = new boolean[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = regions.labels[i] >= 0 && accepted[regions.labels[i]];
    }
    return out;
  }

  /**
   * A prop seen on both sides of the piece (an acrylic block behind a bail) splits into several
   * large smooth regions, and only the side that touches the sweep widely is accepted. A region
   * whose mean gain and colour match an accepted region that is coloured, not just darker (its
   * colour departs from a pure gain of the sweep's by at least {@link SegmentConfig#propChroma()}),
   * is the same prop and accepted too. A shadow is a pure gain, so a metal face as dark as the
   * product's own shadow never matches it.
   */
  static void acceptPropFaces(WorkImage work, Plane[] sweep, ConnectedComponents regions, boolean[] accepted,
      SegmentConfig cfg) {
    int n = regions.areas.length;
    int bands = sweep.length;
    if (bands == 1) {
      return;
    }
    // Per region: mean gain (luminance over the sweep's), then the mean departure per channel.
    double[][] stats = new double[n][1 + bands];
    for (int i = 0; i < regions.labels.length; i++) {
      int id = regions.labels[i];
      if (id < 0) {
        continue;
      }
      double seen = 0;
      double model = 0;
      for (int c = 0; c < bands; c++) {
        seen += work.channels[c].data()[i];
        model += Math.max(1.0, sweep[c].data()[i]);
      }
      double gain = seen / model;
      stats[id][0] += gain;
      for (int c = 0; c < bands; c++) {
        stats[id][1 + c] += work.channels[c].data()[i] / Math.max(1.0, sweep[c].data()[i]) / Math.max(1e-6, gain) - 1;
      }
    }
    for (int id = 0; id < n; id++) {
      for (int k = 0; k < stats[id].length; k++) {
        stats[id][k] /= regions.areas[id];
      }
    }
    boolean[] before = accepted.clone();
    for (int id = 0; id < n; id++) {
      for (int prop = 0; prop < n && !accepted[id]; prop++) {
        if (!before[prop] || departure(stats[prop], null) < cfg.propChroma()) {
          continue;
        }
        accepted[id] = Math.abs(stats[id][0] - stats[prop][0]) < cfg.propGainMatch()
            && departure(stats[id], stats[prop]) < cfg.propChroma();
      }
    }
  }

  /** max over channels of |departure of a − departure of b| (b null: of a alone). */
  private static double departure(double[] a, double[] b) {
    double worst = 0;
    for (int k = 1; k < a.length; k++) {
      worst = Math.max(worst, Math.abs(a[k] - (b == null ? 0 : b[k])));
    }
    return worst;
  }

  /** Locally planar (small mean |Laplacian| of the lightly blurred luminance) and near the sweep's hue. */
  static boolean[] smooth(WorkImage work, Plane[] sweep, SegmentConfig cfg) {
    Plane curvature = BoxFilter.mean(absLaplacian(BoxFilter.mean(work.luminance(), 1)), 1);
    Plane chroma = BoxFilter.mean(chromaDeviation(work, sweep), 1);
    boolean[] out = new boolean[work.width * work.height];
    for (int i = 0; i < out.length; i++) {
      out[i] = curvature.data()[i] < cfg.smoothLaplacian() && chroma.data()[i] < cfg.neutralChroma();
    }
    return out;
  }

  /** |4-neighbour Laplacian| with replicated edges. */
  static Plane absLaplacian(Plane p) {
    int w = p.width();
    int h = p.height();
    float[] d = p.data();
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      int up = (y > 0 ? y - 1 : y) * w;
      int down = (y + 1 < h ? y + 1 : y) * w;
      for (int x = 0; x < w; x++) {
        int left = x > 0 ? x - 1 : x;
        int right = x + 1 < w ? x + 1 : x;
        float c = d[y * w + x];
        out[y * w + x] = Math.abs(d[up + x] + d[down + x] + d[y * w + left] + d[y * w + right] - 4 * c);
      }
    }
    return new Plane(w, h, out);
  }

  /**
   * How far the pixel's colour departs from a pure gain of the sweep's colour, in levels: with
   * r_c = I_c / B_c, max_c |r_c − mean(r)| · mean(B). Shadows and neutral props scale all channels
   * alike and score near zero; gold does not. Zero for gray images.
   */
  static Plane chromaDeviation(WorkImage work, Plane[] sweep) {
    int n = work.width * work.height;
    int bands = work.channels.length;
    float[] out = new float[n];
    if (bands == 1) {
      return new Plane(work.width, work.height, out);
    }
    double[] r = new double[bands];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      double meanB = 0;
      for (int c = 0; c < bands; c++) {
        double b = Math.max(1.0, sweep[c].data()[i]);
        r[c] = work.channels[c].data()[i] / b;
        mean += r[c] / bands;
        meanB += b / bands;
      }
      double worst = 0;
      for (int c = 0; c < bands; c++) {
        worst = Math.max(worst, Math.abs(r[c] - mean));
      }
      out[i] = (float) (worst * meanB);
    }
    return new Plane(work.width, work.height, out);
  }

  /**
   * Non-smooth pixels whose every channel lies within the range of the smooth pixels' values in
   * the (2r+1)² window around them (± tolerance): the anti-aliased silhouette between two smooth
   * surfaces.
   */
  static boolean[] blends(WorkImage work, boolean[] smooth, SegmentConfig cfg) {
    int w = work.width;
    int h = work.height;
    int r = cfg.blendRadius();
    float tol = (float) cfg.blendTolerance();
    boolean[] out = BinaryMorphology.invert(smooth);
    for (Plane channel : work.channels) {
      float[] lo = masked(channel, smooth, Float.POSITIVE_INFINITY);
      float[] hi = masked(channel, smooth, Float.NEGATIVE_INFINITY);
      lo = extremum(lo, w, h, r, false);
      hi = extremum(hi, w, h, r, true);
      float[] d = channel.data();
      for (int i = 0; i < out.length; i++) {
        out[i] &= d[i] >= lo[i] - tol && d[i] <= hi[i] + tol;
      }
    }
    return out;
  }

  private static float[] masked(Plane p, boolean[] keep, float fill) {
    float[] out = p.data().clone();
    for (int i = 0; i < out.length; i++) {
      if (!keep[i]) {
        out[i] = fill;
      }
    }
    return out;
  }

  /** Separable min or max over the (2r+1)² window clipped to the frame. */
  private static float[] extremum(float[] in, int w, int h, int r, boolean max) {
    float[] tmp = new float[in.length];
    float[] out = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float best = in[y * w + x];
        for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
          float v = in[y * w + k];
          best = max ? Math.max(best, v) : Math.min(best, v);
        }
        tmp[y * w + x] = best;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float best = tmp[y * w + x];
        for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
          float v = tmp[k * w + x];
          best = max ? Math.max(best, v) : Math.min(best, v);
        }
        out[y * w + x] = best;
      }
    }
    return out;
  }
}
