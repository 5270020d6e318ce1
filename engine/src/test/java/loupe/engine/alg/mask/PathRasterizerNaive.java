// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;
import loupe.engine.alg.mask.PathGeometry.Subpath;

/**
 * Obviously-correct slow oracle: n×n point samples per pixel, each tested against every subpath
 * (dense uniform Bézier polylines, crossing parity along each sample row), combined per sample by the binary operations.
 */
final class PathRasterizerNaive {
  private PathRasterizerNaive() {}

  /**
   * Coverage in [0,1] of each pixel of a w×h raster whose pixel (0,0) is document (left, top), and
   * whether edges of two or more components cross the pixel (where per-component soft algebra and
   * per-sample logic differ).
   */
  record Result(double[][] coverage, boolean[][] sharedEdges) {}

  static Result coverage(PathGeometry path, int left, int top, int w, int h, int n) {
    List<double[]> polygons = new ArrayList<>();
    for (Subpath s : path.subpaths()) {
      polygons.add(polyline(s));
    }
    int[] component = components(path);
    int count = polygons.size();
    int[][] inside = new int[h][w];
    int[][][] hits = new int[count][h][w];
    boolean[] in = new boolean[count];
    for (int sy = 0; sy < h * n; sy++) {
      double py = top + (sy + 0.5) / n;
      double[][] crossings = new double[count][];
      for (int i = 0; i < count; i++) {
        crossings[i] = crossings(polygons.get(i), py);
      }
      for (int sx = 0; sx < w * n; sx++) {
        double px = left + (sx + 0.5) / n;
        for (int i = 0; i < count; i++) {
          int right = 0;
          for (double xc : crossings[i]) {
            right += xc > px ? 1 : 0;
          }
          in[i] = right % 2 == 1;
          hits[i][sy / n][sx / n] += in[i] ? 1 : 0;
        }
        inside[sy / n][sx / n] += filled(path, component, in) ? 1 : 0;
      }
    }
    double[][] out = new double[h][w];
    boolean[][] shared = new boolean[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y][x] = inside[y][x] / (double) (n * n);
        java.util.Set<Integer> partial = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
          if (hits[i][y][x] > 0 && hits[i][y][x] < n * n) {
            partial.add(component[i]);
          }
        }
        shared[y][x] = partial.size() > 1;
      }
    }
    return new Result(out, shared);
  }

  private static int[] components(PathGeometry path) {
    int[] component = new int[path.subpaths().size()];
    int c = -1;
    for (int i = 0; i < component.length; i++) {
      boolean merged = path.fillMode() == PathFillMode.EVEN_ODD
          || path.subpaths().get(i).operation() == PathOperation.MERGE;
      if (!merged || i == 0) {
        c++;
      }
      component[i] = c;
    }
    return component;
  }

  /** Whether a point is filled, given whether it is inside each subpath: components are XOR
   * groups, combined in order by their operation. */
  static boolean filled(PathGeometry path, int[] component, boolean[] in) {
    int components = component.length == 0 ? 0 : component[component.length - 1] + 1;
    boolean[] group = new boolean[components];
    PathOperation[] ops = new PathOperation[components];
    for (int i = 0; i < in.length; i++) {
      group[component[i]] ^= in[i];
      if (ops[component[i]] == null) {
        PathOperation op = path.subpaths().get(i).operation();
        boolean merged = path.fillMode() == PathFillMode.EVEN_ODD || op == PathOperation.MERGE;
        ops[component[i]] = merged ? PathOperation.COMBINE : op;
      }
    }
    boolean r = components > 0 && (ops[0] == PathOperation.SUBTRACT || ops[0] == PathOperation.INTERSECT);
    for (int g = 0; g < components; g++) {
      boolean c = group[g];
      r = switch (ops[g]) {
        case COMBINE -> r || c;
        case SUBTRACT -> r && !c;
        case INTERSECT -> r && c;
        case EXCLUDE -> r ^ c;
        case MERGE -> throw new IllegalStateException();
      };
    }
    return r;
  }

  /** The x where the closed polyline crosses the horizontal line at py. */
  private static double[] crossings(double[] xy, double py) {
    List<Double> xs = new ArrayList<>();
    int n = xy.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double x0 = xy[2 * i];
      double y0 = xy[2 * i + 1];
      double x1 = xy[2 * j];
      double y1 = xy[2 * j + 1];
      if ((y0 > py) != (y1 > py)) {
        xs.add(x0 + (py - y0) / (y1 - y0) * (x1 - x0));
      }
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** 64 uniform steps per segment, closed. */
  static double[] polyline(Subpath s) {
    List<Knot> k = s.knots();
    int segments = s.closed() ? k.size() : k.size() - 1;
    double[] xy = new double[2 * (1 + 64 * Math.max(0, segments))];
    int p = 0;
    xy[p++] = k.get(0).x();
    xy[p++] = k.get(0).y();
    for (int i = 0; i < segments; i++) {
      Knot a = k.get(i);
      Knot b = k.get((i + 1) % k.size());
      for (int step = 1; step <= 64; step++) {
        double t = step / 64.0;
        double u = 1 - t;
        xy[p++] = u * u * u * a.x() + 3 * u * u * t * a.outX() + 3 * u * t * t * b.inX() + t * t * t * b.x();
        xy[p++] = u * u * u * a.y() + 3 * u * u * t * a.outY() + 3 * u * t * t * b.inY() + t * t * t * b.y();
      }
    }
    return xy;
  }
}
