// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Arrays;
import loupe.engine.Progress;
import loupe.engine.alg.mask.impl.BinaryDilation;
import loupe.engine.alg.mask.impl.Regions;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Re-decides, at full resolution, the outline of stones by their convex hull: a stone's outline is
 * convex, the sweep's reflections in its rim facets lie inside it and the contact shadow it casts
 * lies outside.
 *
 * <p>The stones are the wide parts of the coarse jewelry (those the morphological opening by twice
 * {@link SegmentConfig#thinRadius()} keeps: prongs, wire and chains are thin). Near the outline, a
 * contact shadow is smooth, neutral and darker than the sweep, like many facets; what tells them
 * apart is where they lie. So the shadow-like pixels (3×3 mean flat to a few noise sigmas, a pure
 * gain below 1 of the sweep model's colour) that connect to the open background through flat
 * pixels are set aside, and the convex hull (Andrew, "Another efficient algorithm for convex hulls
 * in two dimensions", IPL 1979) of the part's other selected pixels is taken. A part whose
 * selection nearly fills its hull ({@link #MIN_SOLIDITY}) is a stone:
 *
 * <ul>
 *   <li>a connected region of unselected pixels inside the hull that opens onto the outside of the
 *       hull and onto the background at the frame (a notch, not a ring's interior), is mostly
 *       neutral (within half {@link SegmentConfig#neutralChroma()} of a pure gain of the sweep's
 *       colour: a facet mirroring the sweep, not a beige prop seen between the stone and its
 *       setting), is deep for its
 *       mouth ({@link HullNotches#MIN_DEPTH_PER_MOUTH}) and small compared to the stone
 *       ({@link HullNotches#MAX_NOTCH_SHARE}; a heart's cleft is not) becomes fully jewelry;
 *   <li>the set-aside shadow pixels beyond a margin outside the hull ({@link #SHADOW_MARGIN}) and
 *       off the rest of the piece, from which the straight path away from the hull runs through
 *       shadow to the open background (a shadow falls away from the stone; a prong's face beside
 *       its own shadow ends at its outline on that side), in regions of at least {@link
 *       #MIN_SHADOW_AREA}, become background.
 * </ul>
 *
 * Last, a part whose selection follows a round stone's girdle ({@link RoundStone}) has every pixel
 * inside the girdle made jewelry: where the flood took the rim at the stone's widest point, the
 * hull's chord cuts the bite off and no notch is left to fill.
 *
 * <p>Measured on the dev scenes: no pixel that is fully jewelry in the truth changes to background.
 */
final class StoneHullRefiner {
  /** Selected pixels of a wide part over the pixels of its hull: round, oval, pear and cushion stones exceed it. */
  static final double MIN_SOLIDITY = 0.9;
  /** Work px: shadow-like pixels this close to the hull stay, in case they are a dark rim facet the hull cut across. */
  static final double SHADOW_MARGIN = 1.0;
  /** Work px: the widest band of shadow beyond the hull that is cleared. */
  static final int REACH = 8;
  /** Largest hole of a selection, as a share of it, that a ray to a round stone's girdle crosses. */
  static final double MAX_RAY_HOLE = 0.01;
  /** Work px²: smallest region of shadow that is cleared. */
  static final int MIN_SHADOW_AREA = 16;

  private static final int HALF = 32768;

  private StoneHullRefiner() {}

  /**
   * @param image the shot; Not modified
   * @param work its reduction; Not modified
   * @param sweep the sweep model on the work grid, one plane per channel; Not modified
   * @param jewelry the coarse decision (work size); Not modified
   * @param sigma the noise of one full-resolution pixel, in levels
   * @param mask the full-resolution product mask; Modified (notch pixels become 65535, shadow pixels 0)
   */
  static void refine(Planar image, WorkImage work, Plane[] sweep, boolean[] jewelry, double sigma, SegmentConfig cfg,
      GrayU16 mask, Progress progress) {
    int t = 2 * cfg.thinRadius();
    boolean[] wide = BinaryDilation.square(BinaryMorphology.erode(jewelry, work.width, work.height, t),
        work.width, work.height, t);
    ConnectedComponents parts = ConnectedComponents.of(wide, work.width, work.height);
    boolean[] frameBackground = frameBackground(jewelry, work.width, work.height);
    // Half the smooth limit: a facet mirroring the sweep is as neutral as the sweep, a beige prop
    // seen between the stone and its setting is not.
    boolean[] neutral = neutral(work, sweep, cfg.neutralChroma() / 2);
    Rect frame = Rect.ofSize(image.width, image.height);
    Rect[] bounds = partBounds(work, parts);
    for (int id = 0; id < parts.areas.length; id++) {
      progress.checkCancelled();
      Rect box = bounds[id].grow(work.fullPx(REACH), frame);
      boolean[] selected = selected(mask, box);
      ShadowMap shadows = ShadowMap.of(image, box, work, sweep, selected, frameBackground, cfg.flatSigmas() * sigma);
      new Part(work, parts, id, box, selected, shadows, mask).refine(frameBackground, neutral);
    }
  }

  /** One wide part of the coarse jewelry, worked on inside its full-resolution box. */
  private static final class Part {
    private final WorkImage work;
    private final ConnectedComponents parts;
    private final int id;
    private final Rect box;
    private final GrayU16 mask;
    private final int w;
    private final int h;
    private final boolean[] selected;
    private final boolean[] shadow;
    private final boolean[] passable;
    /** Full-resolution px: the widest shadow band that is cleared. */
    private final int reach;

    Part(WorkImage work, ConnectedComponents parts, int id, Rect box, boolean[] selected, ShadowMap shadows,
        GrayU16 mask) {
      this.work = work;
      this.parts = parts;
      this.id = id;
      this.box = box;
      this.mask = mask;
      this.w = box.width();
      this.h = box.height();
      this.reach = work.fullPx(REACH);
      this.selected = selected;
      this.shadow = shadows.shadow();
      this.passable = shadows.passable();
    }

    /** The work pixel that holds pixel (x, y) of the box. */
    private int workIndex(int x, int y) {
      return work.index(box.left() + x, box.top() + y);
    }

    /** Fills the notches and clears the shadow beyond the hull, if the part is a stone. */
    void refine(boolean[] frameBackground, boolean[] neutral) {
      boolean[] members = members();
      int[][] rows = rowExtremes(members);
      if (rows[0].length < 6) {
        return; // fewer than three rows
      }
      ConvexHull hull = ConvexHull.of(rows[0], rows[1]);
      int[] left = new int[h];
      int[] right = new int[h];
      long hullPixels = hull.rows(h, left, right);
      boolean[] inside = new boolean[w * h];
      long kept = 0;
      for (int y = 0; y < h; y++) {
        for (int x = Math.max(0, left[y]); x <= Math.min(w - 1, right[y]); x++) {
          int i = y * w + x;
          inside[i] = true;
          kept += selected[i] ? 1 : 0;
        }
      }
      if (kept < MIN_SOLIDITY * hullPixels) {
        return;
      }
      boolean[] open = new boolean[w * h];
      boolean[] linked = new boolean[w * h];
      boolean[] mirror = new boolean[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          open[i] = inside[i] && !selected[i];
          linked[i] = open[i] && frameBackground[workIndex(x, y)];
          mirror[i] = open[i] && neutral[workIndex(x, y)];
        }
      }
      boolean[] notch = HullNotches.find(hull, left, right, hullPixels, open, linked, mirror, work.scale);
      boolean[] cleared = shadowBeyond(hull, inside);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          if (notch[i]) {
            mask.set(box.left() + x, box.top() + y, 65535);
          } else if (cleared[i]) {
            mask.set(box.left() + x, box.top() + y, 0);
          }
        }
      }
      RoundStone stone = roundStone(members);
      if (stone != null) {
        fillInside(stone);
      }
    }

    /**
     * Every pixel inside the stone's girdle (frame coordinates) becomes fully jewelry: the bite that
     * the hull's chord cut off, and whatever the notch rules left out inside it (nothing inside a
     * round stone's girdle is background).
     */
    private void fillInside(RoundStone stone) {
      for (int y = Math.max(0, (int) (stone.cy() - stone.r())); y <= Math.min(mask.height - 1, (int) (stone.cy() + stone.r())); y++) {
        for (int x = Math.max(0, (int) (stone.cx() - stone.r())); x <= Math.min(mask.width - 1, (int) (stone.cx() + stone.r())); x++) {
          if (stone.inside(x, y)) {
            mask.set(x, y, 65535);
          }
        }
      }
    }

    /**
     * The set-aside shadow pixels beyond the hull's margin, off the rest of the piece, that open
     * outward, in regions large enough to be a cast shadow rather than a rim facet's edge.
     */
    private boolean[] shadowBeyond(ConvexHull hull, boolean[] inside) {
      double margin = SHADOW_MARGIN * work.scale;
      boolean[] nearPiece = BinaryDilation.square(BinaryMorphology.and(selected, BinaryMorphology.invert(shadow)),
          w, h, work.fullPx(1));
      boolean[] out = new boolean[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          out[i] = shadow[i] && !inside[i] && !nearPiece[i] && hull.distanceTo(x, y) > margin
              && opensOutward(hull, x, y);
        }
      }
      int minArea = (int) Math.round(MIN_SHADOW_AREA * work.scale * work.scale);
      return ConnectedComponents.of(out, w, h).keepAtLeast(minArea);
    }

    /**
     * The girdle of the part if it is a round stone, in the frame's coordinates; null if it is not.
     * It is sought on the mask as it now stands, in a window half the box's size again on each side:
     * where the flood took the rim, the girdle lies beyond the part's box.
     */
    private RoundStone roundStone(boolean[] members) {
      double sx = 0;
      double sy = 0;
      long n = 0;
      for (int i = 0; i < members.length; i++) {
        if (members[i]) {
          sx += i % w;
          sy += i / w;
          n++;
        }
      }
      Rect window = box.grow(Math.max(w, h) / 2, Rect.ofSize(mask.width, mask.height));
      boolean[] set = selected(mask, window);
      RoundStone stone = RoundStone.fit(smallHolesFilled(set, window.width(), window.height()), window.width(),
          window.height(), box.left() - window.left() + sx / n, box.top() - window.top() + sy / n);
      return stone == null ? null
          : new RoundStone(stone.cx() + window.left(), stone.cy() + window.top(), stone.r());
    }

    /**
     * The selection with its small holes filled: facets the estimate left out inside a stone, which
     * would stop a ray short. A hole of more than {@link #MAX_RAY_HOLE} of the selection is kept: the
     * gap between a stone and a halo or bezel around it, which the rays must stop at.
     */
    private static boolean[] smallHolesFilled(boolean[] set, int w, int h) {
      boolean[] filled = Regions.fillHoles(set, w, h);
      long area = 0;
      boolean[] holes = new boolean[set.length];
      for (int i = 0; i < set.length; i++) {
        area += set[i] ? 1 : 0;
        holes[i] = filled[i] && !set[i];
      }
      ConnectedComponents parts = ConnectedComponents.of(holes, w, h);
      boolean[] out = set.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] |= holes[i] && parts.areas[parts.labels[i]] <= MAX_RAY_HOLE * area;
      }
      return out;
    }

    /** The part's selected pixels not set aside as shadow (row-major over the box). */
    private boolean[] members() {
      boolean[] member = new boolean[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          member[i] = selected[i] && !shadow[i] && parts.labels[workIndex(x, y)] == id;
        }
      }
      return member;
    }

    /** The first and last pixel of {@code set} in each row, as {xs, ys}: the candidates for its hull's vertices. */
    private int[][] rowExtremes(boolean[] set) {
      int[] xs = new int[2 * h];
      int[] ys = new int[2 * h];
      int n = 0;
      for (int y = 0; y < h; y++) {
        int lo = -1;
        int hi = -1;
        for (int x = 0; x < w; x++) {
          if (set[y * w + x]) {
            lo = lo < 0 ? x : lo;
            hi = x;
          }
        }
        if (lo >= 0) {
          xs[n] = lo;
          ys[n++] = y;
          xs[n] = hi;
          ys[n++] = y;
        }
      }
      return new int[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /**
     * Whether the straight path from (x, y) away from the hull (along the normal of its nearest
     * point) runs through shadow to an unselected pixel: a shadow falls away from the stone onto the
     * sweep, while a metal face beside the stone meets its own outline on that side.
     */
    private boolean opensOutward(ConvexHull hull, int x, int y) {
      double[] q = hull.nearestBoundaryPoint(x, y);
      double dx = x - q[0];
      double dy = y - q[1];
      double len = Math.hypot(dx, dy);
      for (int step = 1; step <= reach; step++) {
        int px = (int) Math.round(x + step * dx / len);
        int py = (int) Math.round(y + step * dy / len);
        if (px < 0 || py < 0 || px >= w || py >= h) {
          return false;
        }
        int i = py * w + px;
        if (!selected[i]) {
          return passable[i];
        }
        if (!shadow[i]) {
          return false;
        }
      }
      return false;
    }
  }

  /** The pixels of the box that the mask selects (≥ 50%), row-major. */
  private static boolean[] selected(GrayU16 mask, Rect box) {
    int w = box.width();
    boolean[] out = new boolean[w * box.height()];
    for (int y = 0; y < box.height(); y++) {
      int row = mask.startIndex + (box.top() + y) * mask.stride + box.left();
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (mask.data[row + x] & 0xFFFF) >= HALF;
      }
    }
    return out;
  }

  /**
   * Work pixels whose colour departs less than {@code limit} levels from a pure gain of the sweep's
   * (see {@link CoarseClassifier#chromaDeviation}).
   */
  private static boolean[] neutral(WorkImage work, Plane[] sweep, double limit) {
    float[] chroma = CoarseClassifier.chromaDeviation(work, sweep).data();
    boolean[] out = new boolean[chroma.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = chroma[i] < limit;
    }
    return out;
  }

  /** The coarse background connected to the frame (not a ring's interior). */
  private static boolean[] frameBackground(boolean[] jewelry, int w, int h) {
    boolean[] frame = new boolean[w * h];
    for (int x = 0; x < w; x++) {
      frame[x] = true;
      frame[(h - 1) * w + x] = true;
    }
    for (int y = 0; y < h; y++) {
      frame[y * w] = true;
      frame[y * w + w - 1] = true;
    }
    return BinaryMorphology.reconstruct(frame, BinaryMorphology.invert(jewelry), w, h);
  }

  /** The full-resolution box of each part's work pixels. */
  private static Rect[] partBounds(WorkImage work, ConnectedComponents parts) {
    int n = parts.areas.length;
    int[] left = new int[n];
    int[] top = new int[n];
    int[] right = new int[n];
    int[] bottom = new int[n];
    Arrays.fill(left, work.width);
    Arrays.fill(top, work.height);
    for (int y = 0; y < work.height; y++) {
      for (int x = 0; x < work.width; x++) {
        int id = parts.labels[y * work.width + x];
        if (id >= 0) {
          left[id] = Math.min(left[id], x);
          right[id] = Math.max(right[id], x + 1);
          top[id] = Math.min(top[id], y);
          bottom[id] = y + 1;
        }
      }
    }
    Rect[] out = new Rect[n];
    for (int id = 0; id < n; id++) {
      out[id] = work.fullBox(left[id], top[id], right[id], bottom[id]);
    }
    return out;
  }
}
