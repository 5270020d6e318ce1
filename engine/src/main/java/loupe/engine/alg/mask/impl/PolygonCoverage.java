// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.Arrays;

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
  // Edges sorted by top; top < bottom; dir = +1 if the edge runs downwards.
  private final double[] top;
  private final double[] bottom;
  private final double[] xTop;
  private final double[] slope;
  private final int[] dir;
  private final int edges;
  private final int[] active;
  private int activeCount;
  private int next;
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
    double[][] pieces = new double[Math.max(1, 3 * n)][];
    int count = 0;
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double x0 = xy[2 * i];
      double y0 = xy[2 * i + 1];
      double x1 = xy[2 * j];
      double y1 = xy[2 * j + 1];
      if (y0 == y1) {
        continue;
      }
      // Parameters where the edge crosses x = 0 or x = width, between its ends 0 and 1.
      double[] cuts = new double[4];
      int cutCount = 0;
      cuts[cutCount++] = 0;
      for (double bound : new double[] {0, width}) {
        if ((x0 < bound && x1 > bound) || (x0 > bound && x1 < bound)) {
          cuts[cutCount++] = (bound - x0) / (x1 - x0);
        }
      }
      cuts[cutCount++] = 1;
      Arrays.sort(cuts, 1, cutCount - 1);
      for (int c = 0; c + 1 < cutCount; c++) {
        double ta = cuts[c];
        double tb = cuts[c + 1];
        double xa = x0 + ta * (x1 - x0);
        double ya = y0 + ta * (y1 - y0);
        double xb = x0 + tb * (x1 - x0);
        double yb = y0 + tb * (y1 - y0);
        if (ya == yb) {
          continue;
        }
        if (xa >= width && xb >= width) {
          // Dropped, but the coverage left of it now runs to the raster's right end.
          maxX = width;
          continue;
        }
        pieces[count++] = new double[] {clamp(xa), ya, clamp(xb), yb};
        minX = Math.min(minX, Math.min(xa, xb));
        maxX = Math.max(maxX, Math.max(xa, xb));
        minY = Math.min(minY, Math.min(ya, yb));
        maxY = Math.max(maxY, Math.max(ya, yb));
      }
    }
    Arrays.sort(pieces, 0, count, (a, b) -> Double.compare(Math.min(a[1], a[3]), Math.min(b[1], b[3])));
    edges = count;
    top = new double[count];
    bottom = new double[count];
    xTop = new double[count];
    slope = new double[count];
    dir = new int[count];
    active = new int[count];
    for (int e = 0; e < count; e++) {
      double[] p = pieces[e];
      boolean down = p[1] < p[3];
      dir[e] = down ? 1 : -1;
      top[e] = down ? p[1] : p[3];
      bottom[e] = down ? p[3] : p[1];
      xTop[e] = down ? p[0] : p[2];
      slope[e] = ((down ? p[2] : p[0]) - xTop[e]) / (bottom[e] - top[e]);
    }
    if (count == 0) {
      firstRow = endRow = firstCol = endCol = 0;
    } else {
      firstRow = (int) Math.max(0, Math.floor(minY));
      endRow = (int) Math.min(height, Math.ceil(maxY));
      firstCol = (int) Math.max(0, Math.floor(minX));
      endCol = (int) Math.min(width + 2, Math.ceil(Math.min(maxX, width)) + 2);
    }
  }

  private double clamp(double x) {
    return x < 0 ? 0 : Math.min(x, width);
  }

  /**
   * Writes the coverage of row {@code y} into {@code coverage[firstCol .. min(endCol, width))}.
   * Rows must be visited in increasing order. {@code acc} has width + 2 cells, all zero on entry
   * and on return.
   */
  public void coverRow(int y, double[] acc, double[] coverage) {
    if (y <= lastRow) {
      throw new IllegalStateException("rows must increase: " + y + " after " + lastRow);
    }
    lastRow = y;
    while (next < edges && top[next] < y + 1) {
      active[activeCount++] = next++;
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
