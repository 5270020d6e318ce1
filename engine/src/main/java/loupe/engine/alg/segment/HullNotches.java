// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/**
 * The notches in a nearly convex shape: connected regions of pixels left out of the shape inside its
 * convex hull that open onto the outside of the hull, are deep for the width of their mouth and
 * small compared to the hull. A shallow bay (the wedge between a prong and its stone, the dip
 * between two stones) is wide for its depth; a heart's cleft is large; a ring's interior does not
 * reach the outside (the caller marks the pixels that do, see {@code linked}).
 */
final class HullNotches {
  /**
   * Smallest depth of a notch (its deepest pixel's distance from the hull's boundary) over the width
   * of its mouth on the boundary: 0.5 means the shape surrounds the deepest pixel over at least 270°.
   */
  static final double MIN_DEPTH_PER_MOUTH = 0.5;
  /** Largest notch, as a share of the hull's pixels. */
  static final double MAX_NOTCH_SHARE = 0.03;

  private HullNotches() {}

  /**
   * @param hull the hull, in the coordinates of the w×h arrays
   * @param left per row, the first pixel inside the hull (see {@link ConvexHull#rows}); Not modified
   * @param right per row, the last pixel inside the hull; Not modified
   * @param hullPixels the number of pixels inside the hull
   * @param open the pixels inside the hull left out of the shape (row-major, w×h); Not modified
   * @param linked the open pixels that connect to the background outside (at least one per notch); Not modified
   * @param mirror the open pixels that show what a notch may show (at least half of a notch's); Not modified
   * @param minDepth smallest depth of a notch (shallower dents are the outline's own raggedness)
   * @return the pixels of the notches (row-major, w×h)
   */
  static boolean[] find(ConvexHull hull, int[] left, int[] right, long hullPixels, boolean[] open, boolean[] linked,
      boolean[] mirror, double minDepth) {
    int h = left.length;
    int w = open.length / h;
    ConnectedComponents regions = ConnectedComponents.of(open, w, h);
    int count = regions.areas.length;
    boolean[] reaches = new boolean[count];
    int[] mirrors = new int[count];
    double[] depth = new double[count];
    // Per region, the box of its pixels on the hull's boundary: its diagonal is the mouth's width.
    int[][] mouth = new int[count][];
    for (int r = 0; r < count; r++) {
      mouth[r] = new int[] {w, h, -1, -1};
    }
    for (int y = 0; y < h; y++) {
      for (int x = Math.max(0, left[y]); x <= Math.min(w - 1, right[y]); x++) {
        int r = regions.labels[y * w + x];
        if (r < 0) {
          continue;
        }
        reaches[r] |= linked[y * w + x];
        mirrors[r] += mirror[y * w + x] ? 1 : 0;
        depth[r] = Math.max(depth[r], hull.distanceTo(x, y));
        if (x == left[y] || x == right[y] || outside(left, right, x, y - 1) || outside(left, right, x, y + 1)) {
          int[] m = mouth[r];
          m[0] = Math.min(m[0], x);
          m[1] = Math.min(m[1], y);
          m[2] = Math.max(m[2], x);
          m[3] = Math.max(m[3], y);
        }
      }
    }
    boolean[] notch = new boolean[count];
    for (int r = 0; r < count; r++) {
      int[] m = mouth[r];
      double width = m[2] < 0 ? Double.POSITIVE_INFINITY : Math.hypot(m[2] - m[0] + 1, m[3] - m[1] + 1);
      notch[r] = reaches[r] && 2 * mirrors[r] >= regions.areas[r]
          && depth[r] >= Math.max(minDepth, MIN_DEPTH_PER_MOUTH * width)
          && regions.areas[r] <= MAX_NOTCH_SHARE * hullPixels;
    }
    boolean[] out = new boolean[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = regions.labels[i] >= 0 && notch[regions.labels[i]];
    }
    return out;
  }

  private static boolean outside(int[] left, int[] right, int x, int y) {
    return y < 0 || y >= left.length || x < left[y] || x > right[y];
  }
}
