// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

/**
 * Exact area coverage of one polygon, one pixel row at a time, by signed-area accumulation: each
 * edge adds, to the cells it crosses, the signed area of the row strip to its right, as cell
 * differences; a prefix sum over the row then yields the winding-weighted area of every pixel
 * (the accumulation of R. Levien's font-rs, itself after libart and stb_truetype). For a simple
 * polygon the winding is 0 or ±1 everywhere, so min(1, |sum|) is the exact coverage; a
 * self-intersecting polygon is filled with the non-zero rule.
 *
 * <p>Coordinates are relative to a raster of {@code width × height} pixels. Edges are split at
 * x = 0 and x = width; pieces left of the raster become vertical at x = 0 (they cover every pixel
 * to their right, as before), pieces right of it cannot cover a pixel and are dropped.
 */
public final class PolygonCoverage {
  private final int width;
  // Edge pieces with top < bottom; dir = +1 if the piece runs downwards.
  private final double[] top;
  private final double[] bottom;
  private final double[] xTop;
  private final double[] slope;
  private final int[] dir;
  // Pieces grouped by the first raster row they touch (a counting sort): rowStart[r]..rowStart[r+1].
  private final int[] byRow;
  private final int[] rowStart;
  private final int[] active;
  private int activeCount;
  private int lastRow = -1;
  /** Rows and accumulator cells that can be non-zero. */
  public final int firstRow;
  public final int endRow;
  public final int firstCol;
  public final int endCol;

  /** {@code xy}: packed vertices, implicitly closed, already shifted to raster coordinates. */
  public PolygonCoverage(double[] xy, int width, int height) {
    this.width = width;
    int n = xy.length / 2;
    int capacity = 3 * n;
    double[] t = new double[capacity];
    double[] b = new double[capacity];
    double[] xt = new double[capacity];
    double[] sl = new double[capacity];
    int[] d = new int[capacity];
    int count = 0;
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double[] cuts = new double[4];
    for (int i = 0; i < n; i++) {
      int j = i + 1 == n ? 0 : i + 1;
      double x0 = xy[2 * i];
      double y0 = xy[2 * i + 1];
      double x1 = xy[2 * j];
      double y1 = xy[2 * j + 1];
      if (y0 == y1) {
        continue;
      }
      // Parameters where the edge crosses x = 0 or x = width, between its ends 0 and 1.
      int cutCount = 0;
      cuts[cutCount++] = 0;
      if ((x0 < 0) != (x1 < 0) && x0 != 0 && x1 != 0) {
        cuts[cutCount++] = -x0 / (x1 - x0);
      }
      if ((x0 < width) != (x1 < width) && x0 != width && x1 != width) {
        cuts[cutCount++] = (width - x0) / (x1 - x0);
      }
      cuts[cutCount++] = 1;
      if (cutCount == 4 && cuts[1] > cuts[2]) {
        double swap = cuts[1];
        cuts[1] = cuts[2];
        cuts[2] = swap;
      }
      for (int c = 0; c + 1 < cutCount; c++) {
        double xa = x0 + cuts[c] * (x1 - x0);
        double ya = y0 + cuts[c] * (y1 - y0);
        double xb = x0 + cuts[c + 1] * (x1 - x0);
        double yb = y0 + cuts[c + 1] * (y1 - y0);
        if (ya == yb) {
          continue;
        }
        if (xa >= width && xb >= width) {
          // Dropped, but the coverage left of it now runs to the raster's right end.
          maxX = width;
          continue;
        }
        boolean down = ya < yb;
        d[count] = down ? 1 : -1;
        t[count] = down ? ya : yb;
        b[count] = down ? yb : ya;
        xt[count] = clamp(down ? xa : xb);
        sl[count] = (clamp(down ? xb : xa) - xt[count]) / (b[count] - t[count]);
        count++;
        minX = Math.min(minX, Math.min(xa, xb));
        maxX = Math.max(maxX, Math.max(xa, xb));
        minY = Math.min(minY, Math.min(ya, yb));
        maxY = Math.max(maxY, Math.max(ya, yb));
      }
    }
    top = t;
    bottom = b;
    xTop = xt;
    slope = sl;
    dir = d;
    if (count == 0) {
      firstRow = endRow = firstCol = endCol = 0;
    } else {
      firstRow = (int) Math.max(0, Math.floor(minY));
      endRow = (int) Math.max(firstRow, Math.min(height, Math.ceil(maxY)));
      firstCol = (int) Math.max(0, Math.floor(minX));
      endCol = (int) Math.min(width + 2, Math.ceil(Math.min(maxX, width)) + 2);
    }
    rowStart = new int[endRow - firstRow + 2];
    byRow = new int[count];
    active = new int[count];
    for (int e = 0; e < count; e++) {
      int r = startRow(e);
      if (r < endRow) {
        rowStart[r - firstRow + 1]++;
      }
    }
    for (int r = 1; r < rowStart.length; r++) {
      rowStart[r] += rowStart[r - 1];
    }
    int[] fill = rowStart.clone();
    for (int e = 0; e < count; e++) {
      int r = startRow(e);
      if (r < endRow) {
        byRow[fill[r - firstRow]++] = e;
      }
    }
  }

  private int startRow(int e) {
    return (int) Math.max(firstRow, Math.floor(top[e]));
  }

  private double clamp(double x) {
    return x < 0 ? 0 : Math.min(x, width);
  }

  /**
   * Writes the coverage of row {@code y} into {@code coverage[firstCol .. min(endCol, width))}.
   * Every row from {@code firstRow} to {@code endRow − 1} must be visited, in order. {@code acc}
   * has width + 2 cells, all zero on entry and on return.
   */
  public void coverRow(int y, double[] acc, double[] coverage) {
    int expected = lastRow < 0 ? firstRow : lastRow + 1;
    if (y != expected) {
      throw new IllegalStateException("row " + y + " visited, expected row " + expected);
    }
    lastRow = y;
    if (y >= firstRow && y < endRow) {
      for (int k = rowStart[y - firstRow]; k < rowStart[y - firstRow + 1]; k++) {
        active[activeCount++] = byRow[k];
      }
    }
    int kept = 0;
    for (int a = 0; a < activeCount; a++) {
      int e = active[a];
      if (bottom[e] > y) {
        active[kept++] = e;
        accumulate(e, y, acc);
      }
    }
    activeCount = kept;
    double sum = 0;
    int end = Math.min(endCol, width);
    for (int x = firstCol; x < end; x++) {
      sum += acc[x];
      acc[x] = 0;
      coverage[x] = Math.min(1, Math.abs(sum));
    }
    for (int x = end; x < endCol; x++) {
      acc[x] = 0;
    }
  }

  /** Adds edge e's part inside the row strip [y, y+1). */
  private void accumulate(int e, int y, double[] acc) {
    double ys = Math.max(y, top[e]);
    double ye = Math.min(y + 1, bottom[e]);
    if (ye <= ys) {
      return;
    }
    double xs = clamp(xTop[e] + (ys - top[e]) * slope[e]);
    double xe = clamp(xTop[e] + (ye - top[e]) * slope[e]);
    double d = (ye - ys) * dir[e];
    double x0 = Math.min(xs, xe);
    double x1 = Math.max(xs, xe);
    int i0 = (int) x0;
    int i1 = (int) Math.ceil(x1);
    if (i1 <= i0 + 1) {
      // Within one cell: the area right of the edge is d·(1 − mean x offset).
      double mid = 0.5 * (xs + xe) - i0;
      acc[i0] += d * (1 - mid);
      acc[i0 + 1] += d * mid;
      return;
    }
    // Across cells: a triangle in the first and last cell, equal slices in between.
    double s = 1 / (x1 - x0);
    double f0 = x0 - i0;
    double a0 = 0.5 * s * (1 - f0) * (1 - f0);
    double f1 = x1 - i1 + 1;
    double am = 0.5 * s * f1 * f1;
    acc[i0] += d * a0;
    if (i1 == i0 + 2) {
      acc[i0 + 1] += d * (1 - a0 - am);
    } else {
      double a1 = s * (1.5 - f0);
      acc[i0 + 1] += d * (a1 - a0);
      for (int x = i0 + 2; x < i1 - 1; x++) {
        acc[x] += d * s;
      }
      double a2 = a1 + (i1 - i0 - 3) * s;
      acc[i1 - 1] += d * (1 - a2 - am);
    }
    acc[i1] += d * am;
  }
}
