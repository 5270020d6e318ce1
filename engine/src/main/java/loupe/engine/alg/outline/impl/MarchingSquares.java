// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.image.GrayU16;

/**
 * Closed iso-lines of a mask by marching squares (the 2-D case of Lorensen &amp; Cline, "Marching
 * cubes", SIGGRAPH 1987). Samples sit at pixel centres (x + ½, y + ½); the image is framed by a
 * ring of zero samples so every line closes, and a fully selected edge pixel puts the line exactly
 * on the image border. Crossings are placed by linear interpolation, which on an anti-aliased mask
 * recovers the edge to a fraction of a pixel. Saddle cells are resolved by the mean of their four
 * corners; a tie joins the inside corners, so diagonally touching product pixels stay one ring.
 *
 * <p>Each line keeps the inside on its right when walked (clockwise on screen around the product,
 * anticlockwise around a hole). Only the crossings are stored, one row of edge indices at a time.
 */
public final class MarchingSquares {
  private MarchingSquares() {}

  /**
   * Iso-lines at {@code level} (a sample is inside when its value exceeds it; use a half-integer so
   * no sample equals it).
   *
   * @param mask Not modified
   * @return each closed line as packed x,y pairs (the last point joins the first)
   */
  public static List<double[]> contours(GrayU16 mask, double level) {
    Crossings crossings = new Crossings(mask, level);
    for (int j = -1; j < mask.height; j++) {
      crossings.row(j);
    }
    return crossings.loops();
  }

  /** Edge crossings and their successors, built one row of cells at a time. */
  private static final class Crossings {
    private final GrayU16 mask;
    private final double level;
    private final int w;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int[] next = new int[1024];
    private int count;
    /** Crossing ids on the horizontal edges above and below the current cell row, index i + 1. */
    private int[] top;
    private int[] bottom;
    /** Crossing ids on the vertical edges of the current cell row, index i + 1. */
    private final int[] vertical;
    private final int[] upper;
    private final int[] lower;

    Crossings(GrayU16 mask, double level) {
      this.mask = mask;
      this.level = level;
      this.w = mask.width;
      top = new int[w + 1];
      bottom = new int[w + 1];
      vertical = new int[w + 2];
      upper = new int[w + 2];
      lower = new int[w + 2];
      Arrays.fill(top, -1);
    }

    /** Cells whose corners are samples of rows j and j + 1. */
    void row(int j) {
      readRow(j, upper);
      readRow(j + 1, lower);
      Arrays.fill(bottom, -1);
      Arrays.fill(vertical, -1);
      int[] ids = new int[4];
      boolean[] leaving = new boolean[4];
      for (int i = -1; i < w; i++) {
        int a = upper[i + 1];
        int b = upper[i + 2];
        int c = lower[i + 2];
        int d = lower[i + 1];
        boolean ia = a > level;
        boolean ib = b > level;
        boolean ic = c > level;
        boolean id = d > level;
        if (ia == ib && ib == ic && ic == id) {
          continue;
        }
        // Clockwise round the cell: top (a→b), right (b→c), bottom (c→d), left (d→a).
        int n = 0;
        if (ia != ib) {
          ids[n] = crossing(top, i + 1, i, j, a, i + 1, j, b);
          leaving[n++] = ia;
        }
        if (ib != ic) {
          ids[n] = crossing(vertical, i + 2, i + 1, j, b, i + 1, j + 1, c);
          leaving[n++] = ib;
        }
        if (ic != id) {
          ids[n] = crossing(bottom, i + 1, i + 1, j + 1, c, i, j + 1, d);
          leaving[n++] = ic;
        }
        if (id != ia) {
          ids[n] = crossing(vertical, i + 1, i, j + 1, d, i, j, a);
          leaving[n++] = id;
        }
        // The inside part of the cell is bounded clockwise by: entry, inside corners, exit, line
        // back to an entry. A joined saddle links each exit to the next entry clockwise, a split
        // one to the previous entry; with two crossings both are the same.
        boolean join = n == 2 || (long) a + b + c + d >= 4 * level;
        for (int k = 0; k < n; k++) {
          if (leaving[k]) {
            next[ids[k]] = ids[join ? (k + 1) % n : (k + n - 1) % n];
          }
        }
      }
      int[] t = top;
      top = bottom;
      bottom = t;
    }

    /** Samples of row y with the zero frame: out[i + 1] is sample i, i = -1..w. */
    private void readRow(int y, int[] out) {
      Arrays.fill(out, 0);
      if (y < 0 || y >= mask.height) {
        return;
      }
      int row = mask.startIndex + y * mask.stride;
      for (int x = 0; x < w; x++) {
        out[x + 1] = mask.data[row + x] & 0xFFFF;
      }
    }

    /** The crossing on the edge from sample (i0, j0) to (i1, j1), created on first use. */
    private int crossing(int[] slots, int slot, int i0, int j0, int v0, int i1, int j1, int v1) {
      int id = slots[slot];
      if (id >= 0) {
        return id;
      }
      if (count == xs.length) {
        int grown = count * 2;
        xs = Arrays.copyOf(xs, grown);
        ys = Arrays.copyOf(ys, grown);
        next = Arrays.copyOf(next, grown);
      }
      double f = (level - v0) / (v1 - v0);
      xs[count] = i0 + 0.5 + f * (i1 - i0);
      ys[count] = j0 + 0.5 + f * (j1 - j0);
      next[count] = -1;
      slots[slot] = count;
      return count++;
    }

    List<double[]> loops() {
      List<double[]> loops = new ArrayList<>();
      boolean[] done = new boolean[count];
      double[] xy = new double[64];
      for (int start = 0; start < count; start++) {
        if (done[start]) {
          continue;
        }
        int n = 0;
        for (int id = start; !done[id]; id = next[id]) {
          done[id] = true;
          if (n + 2 > xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
          }
          xy[n++] = xs[id];
          xy[n++] = ys[id];
        }
        loops.add(Arrays.copyOf(xy, n));
      }
      return loops;
    }
  }
}
