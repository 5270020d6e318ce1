// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.alg.mask.PathFillMode;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathGeometry.Subpath;
import loupe.engine.alg.mask.PathOperation;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * Fills a path row by row: each component (a subpath plus the MERGE subpaths after it) gets its
 * coverage row as the even-odd (XOR) combination of its polygons' exact coverages, and the
 * components are composed in order by their operation with the soft-mask algebra (union
 * a+b−ab, subtract a(1−b), intersect ab, exclude a+b−2ab). The algebra is exact where at most one
 * component has an edge in a pixel; where edges of several components share a pixel it treats
 * their coverages as independent (worst case: two coinciding half-covered edges XOR to 1/2, not
 * 0), which only affects those few edge pixels.
 */
public final class ImplPathFill {
  private ImplPathFill() {}

  private record Component(PathOperation operation, List<PolygonCoverage> polygons, int firstRow,
      int endRow, int firstCol, int endCol) {}

  /** Rasterises {@code path} over {@code area} (document pixels) into {@code output} (Modified). */
  public static void fill(PathGeometry path, Rect area, GrayU16 output) {
    int w = area.width();
    int h = area.height();
    List<Component> components = components(path, area);
    double start = !components.isEmpty() && startsFull(components.get(0).operation()) ? 1 : 0;
    // Away from every component the algebra leaves the start value, or 0 once an INTERSECT
    // component is present: those pixels are filled directly, only the components' span is computed.
    boolean intersects = components.stream().anyMatch(c -> c.operation() == PathOperation.INTERSECT);
    short outside = (short) (intersects || start == 0 ? 0 : 65535);
    int spanRow0 = h;
    int spanRow1 = 0;
    int span0 = w;
    int span1 = 0;
    for (Component c : components) {
      if (c.endRow() > c.firstRow()) {
        spanRow0 = Math.min(spanRow0, c.firstRow());
        spanRow1 = Math.max(spanRow1, c.endRow());
        span0 = Math.min(span0, c.firstCol());
        span1 = Math.max(span1, Math.min(c.endCol(), w));
      }
    }
    double[] result = new double[w];
    double[] group = new double[w + 2];
    double[] member = new double[w + 2];
    double[] acc = new double[w + 2];
    for (int y = 0; y < h; y++) {
      int dst = output.startIndex + y * output.stride;
      if (y < spanRow0 || y >= spanRow1 || span0 >= span1) {
        Arrays.fill(output.data, dst, dst + w, outside);
        continue;
      }
      Arrays.fill(result, span0, span1, start);
      for (Component c : components) {
        boolean inRows = y >= c.firstRow() && y < c.endRow();
        if (!inRows) {
          if (c.operation() == PathOperation.INTERSECT) {
            Arrays.fill(result, span0, span1, 0);
          }
          continue;
        }
        int c0 = c.firstCol();
        int c1 = Math.min(c.endCol(), w);
        Arrays.fill(group, c0, c1, 0);
        boolean first = true;
        for (PolygonCoverage p : c.polygons()) {
          if (y < p.firstRow || y >= p.endRow) {
            continue;
          }
          if (first) {
            p.coverRow(y, acc, group);
            first = false;
            continue;
          }
          int p1 = Math.min(p.endCol, w);
          Arrays.fill(member, p.firstCol, p1, 0);
          p.coverRow(y, acc, member);
          for (int x = p.firstCol; x < p1; x++) {
            group[x] = group[x] + member[x] - 2 * group[x] * member[x];
          }
        }
        apply(c.operation(), result, group, c0, c1, span0, span1);
      }
      Arrays.fill(output.data, dst, dst + span0, outside);
      Arrays.fill(output.data, dst + span1, dst + w, outside);
      for (int x = span0; x < span1; x++) {
        // Branch-free clamp (rounding noise can leave 1 + 1e-16), so the loop vectorises.
        output.data[dst + x] = (short) (int) (Math.min(1.0, Math.max(0.0, result[x])) * 65535 + 0.5);
      }
    }
  }

  private static boolean startsFull(PathOperation op) {
    return op == PathOperation.SUBTRACT || op == PathOperation.INTERSECT;
  }

  private static void apply(PathOperation op, double[] r, double[] c, int c0, int c1, int span0, int span1) {
    switch (op) {
      case COMBINE -> {
        for (int x = c0; x < c1; x++) {
          r[x] = r[x] + c[x] - r[x] * c[x];
        }
      }
      case SUBTRACT -> {
        for (int x = c0; x < c1; x++) {
          r[x] = r[x] * (1 - c[x]);
        }
      }
      case INTERSECT -> {
        Arrays.fill(r, span0, Math.max(span0, c0), 0);
        Arrays.fill(r, Math.min(c1, span1), span1, 0);
        for (int x = c0; x < c1; x++) {
          r[x] = r[x] * c[x];
        }
      }
      case EXCLUDE -> {
        for (int x = c0; x < c1; x++) {
          r[x] = r[x] + c[x] - 2 * r[x] * c[x];
        }
      }
      case MERGE -> throw new IllegalStateException("MERGE is folded into its component");
    }
  }

  /**
   * Groups subpaths into components. EVEN_ODD: one component of every subpath, XOR-ed.
   * OPERATIONS: a subpath with MERGE joins the component before it (a leading MERGE starts a
   * COMBINE component).
   */
  private static List<Component> components(PathGeometry path, Rect area) {
    List<PathOperation> ops = new ArrayList<>();
    List<List<PolygonCoverage>> groups = new ArrayList<>();
    for (Subpath subpath : path.subpaths()) {
      double[] xy = PathFlattener.flatten(subpath);
      for (int i = 0; i < xy.length; i += 2) {
        xy[i] -= area.left();
        xy[i + 1] -= area.top();
      }
      PolygonCoverage polygon = new PolygonCoverage(xy, area.width(), area.height());
      PathOperation op = path.fillMode() == PathFillMode.EVEN_ODD ? PathOperation.MERGE : subpath.operation();
      if (op == PathOperation.MERGE && !groups.isEmpty()) {
        groups.get(groups.size() - 1).add(polygon);
      } else {
        ops.add(op == PathOperation.MERGE ? PathOperation.COMBINE : op);
        groups.add(new ArrayList<>(List.of(polygon)));
      }
    }
    List<Component> components = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<PolygonCoverage> polygons = groups.get(g);
      int firstRow = Integer.MAX_VALUE;
      int endRow = 0;
      int firstCol = Integer.MAX_VALUE;
      int endCol = 0;
      for (PolygonCoverage p : polygons) {
        if (p.endRow > p.firstRow) {
          firstRow = Math.min(firstRow, p.firstRow);
          endRow = Math.max(endRow, p.endRow);
          firstCol = Math.min(firstCol, p.firstCol);
          endCol = Math.max(endCol, p.endCol);
        }
      }
      if (endRow == 0) {
        firstRow = firstCol = 0;
      }
      components.add(new Component(ops.get(g), polygons, firstRow, endRow, firstCol, endCol));
    }
    return components;
  }
}
