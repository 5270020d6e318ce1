// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loupe.engine.alg.mask.PathGeometry.Knot;
import loupe.engine.alg.mask.PathGeometry.Subpath;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import loupe.engine.quality.QualityMetrics;
import org.junit.jupiter.api.Test;

class TestPathRasterizer {
  private static final double KAPPA = 0.5522847498307936;

  static Subpath rect(double x0, double y0, double x1, double y1, PathOperation op) {
    return new Subpath(true, op, List.of(Knot.corner(x0, y0), Knot.corner(x1, y0), Knot.corner(x1, y1),
        Knot.corner(x0, y1)));
  }

  /** The usual 4-Bézier circle (clockwise on screen). */
  static Subpath circle(double cx, double cy, double r, PathOperation op) {
    double k = KAPPA * r;
    return new Subpath(true, op, List.of(
        new Knot(cx - k, cy - r, cx, cy - r, cx + k, cy - r),
        new Knot(cx + r, cy - k, cx + r, cy, cx + r, cy + k),
        new Knot(cx + k, cy + r, cx, cy + r, cx - k, cy + r),
        new Knot(cx - r, cy + k, cx - r, cy, cx - r, cy - k)));
  }

  static Subpath polygon(double[] xy, PathOperation op) {
    List<Knot> knots = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      knots.add(Knot.corner(xy[i], xy[i + 1]));
    }
    return new Subpath(true, op, knots);
  }

  static PathGeometry path(PathFillMode mode, Subpath... subpaths) {
    return new PathGeometry(List.of(subpaths), mode);
  }

  /** Exact coverage of pixel (x, y) by the axis-aligned rectangle. */
  static double rectCoverage(int x, int y, double x0, double y0, double x1, double y1) {
    double ox = Math.max(0, Math.min(x + 1, x1) - Math.max(x, x0));
    double oy = Math.max(0, Math.min(y + 1, y1) - Math.max(y, y0));
    return ox * oy;
  }

  static double area(GrayU16 mask) {
    double sum = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        sum += mask.get(x, y) / 65535.0;
      }
    }
    return sum;
  }

  interface Expected {
    double at(int x, int y);
  }

  static void assertCoverage(GrayU16 mask, Expected expected) {
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        int want = (int) Math.round(expected.at(x, y) * 65535);
        assertThat(mask.get(x, y)).as("pixel (%d,%d)", x, y).isBetween(want - 1, want + 1);
      }
    }
  }

  @Test
  void rectangle_with_fractional_edges_has_exact_coverage_in_both_orientations() {
    double x0 = 1.25;
    double y0 = 2.5;
    double x1 = 7.75;
    double y1 = 9.1;
    for (boolean reversed : new boolean[] {false, true}) {
      Subpath s = reversed
          ? polygon(new double[] {x0, y0, x0, y1, x1, y1, x1, y0}, PathOperation.COMBINE)
          : rect(x0, y0, x1, y1, PathOperation.COMBINE);
      GrayU16 mask = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, s), 12, 12, null);
      assertCoverage(mask, (x, y) -> rectCoverage(x, y, x0, y0, x1, y1));
    }
  }

  @Test
  void slanted_edges_inside_one_pixel_and_across_many_have_exact_area() {
    // A thin sliver triangle and a wide flat one: the one-cell and the multi-cell branch.
    double[][] triangles = {{3.2, 1.1, 3.7, 18.9, 3.4, 18.9}, {0.3, 4.2, 29.6, 5.1, 0.3, 5.9}};
    for (double[] t : triangles) {
      GrayU16 mask = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, polygon(t, PathOperation.COMBINE)),
          32, 24, null);
      double shoelace = Math.abs(shoelace(t));
      assertThat(area(mask)).isCloseTo(shoelace, org.assertj.core.data.Offset.offset(nonZero(mask) * 0.5 / 65535 + 1e-9));
    }
  }

  @Test
  void random_star_polygons_have_the_shoelace_area() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 3 + rng.nextInt(30);
      double cx = 20 + rng.nextDouble() * 20;
      double cy = 20 + rng.nextDouble() * 20;
      double[] xy = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double angle = 2 * Math.PI * (i + rng.nextDouble() * 0.9) / n;
        double r = 3 + rng.nextDouble() * 17;
        xy[2 * i] = cx + r * Math.cos(angle);
        xy[2 * i + 1] = cy + r * Math.sin(angle);
      }
      GrayU16 mask = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, polygon(xy, PathOperation.COMBINE)),
          60, 60, null);
      assertThat(area(mask)).isCloseTo(Math.abs(shoelace(xy)),
          org.assertj.core.data.Offset.offset(nonZero(mask) * 0.5 / 65535 + 1e-9));
    }
  }

  @Test
  void four_bezier_circle_has_the_bezier_area_and_pi_r_squared_within_a_tenth_percent() {
    double r = 37.3;
    Subpath c = circle(50.4, 49.6, r, PathOperation.COMBINE);
    GrayU16 mask = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, c), 101, 101, null);
    double area = area(mask);
    double bezierArea = Math.abs(bezierArea(c));
    System.out.printf("circle r=%.1f: raster %.4f, Bezier %.4f, pi r^2 %.4f%n", r, area, bezierArea, Math.PI * r * r);
    // Flattening (≤ 0.001 px from the curve) and per-pixel rounding are the only errors.
    assertThat(Math.abs(area - bezierArea) / bezierArea).isLessThan(1e-4);
    assertThat(Math.abs(area - Math.PI * r * r) / (Math.PI * r * r)).isLessThan(1e-3);
    assertThat(mask.get(50, 50)).isEqualTo(65535);
    assertThat(mask.get(50, 20)).isEqualTo(65535);
    assertThat(mask.get(5, 5)).isZero();
    assertThat(mask.get(100, 50)).isZero();
  }

  @Test
  void holes_by_subtract_exclude_and_even_odd_are_exact() {
    double[] o = {2.5, 3.25, 30.5, 27.75};
    double[] i = {10.25, 9.5, 20.75, 18.125};
    Expected ring = (x, y) -> rectCoverage(x, y, o[0], o[1], o[2], o[3]) - rectCoverage(x, y, i[0], i[1], i[2], i[3]);
    List<PathGeometry> paths = List.of(
        path(PathFillMode.OPERATIONS, rect(o[0], o[1], o[2], o[3], PathOperation.COMBINE),
            rect(i[0], i[1], i[2], i[3], PathOperation.SUBTRACT)),
        path(PathFillMode.OPERATIONS, rect(o[0], o[1], o[2], o[3], PathOperation.COMBINE),
            rect(i[0], i[1], i[2], i[3], PathOperation.EXCLUDE)),
        path(PathFillMode.OPERATIONS, rect(o[0], o[1], o[2], o[3], PathOperation.COMBINE),
            rect(i[0], i[1], i[2], i[3], PathOperation.MERGE)),
        // Legacy: the operations are ignored, the subpaths toggle each other.
        path(PathFillMode.EVEN_ODD, rect(o[0], o[1], o[2], o[3], PathOperation.INTERSECT),
            rect(i[0], i[1], i[2], i[3], PathOperation.COMBINE)));
    for (PathGeometry p : paths) {
      assertCoverage(PathRasterizer.rasterize(p, 34, 30, null), ring);
    }
  }

  @Test
  void intersect_and_a_leading_subtract_follow_photoshop() {
    double[] a = {2.5, 2.5, 20.5, 14.25};
    double[] b = {10.75, 6.5, 28.5, 22.5};
    PathGeometry intersect = path(PathFillMode.OPERATIONS, rect(a[0], a[1], a[2], a[3], PathOperation.COMBINE),
        rect(b[0], b[1], b[2], b[3], PathOperation.INTERSECT));
    assertCoverage(PathRasterizer.rasterize(intersect, 30, 25, null),
        (x, y) -> rectCoverage(x, y, b[0], b[1], a[2], a[3]));
    // A first component that subtracts starts from a full canvas.
    PathGeometry inverse = path(PathFillMode.OPERATIONS, rect(a[0], a[1], a[2], a[3], PathOperation.SUBTRACT));
    assertCoverage(PathRasterizer.rasterize(inverse, 30, 25, null),
        (x, y) -> 1 - rectCoverage(x, y, a[0], a[1], a[2], a[3]));
    // An intersect with a component that misses the raster row empties the row.
    PathGeometry disjoint = path(PathFillMode.OPERATIONS, rect(a[0], a[1], a[2], a[3], PathOperation.COMBINE),
        rect(40, 40, 50, 50, PathOperation.INTERSECT));
    assertThat(area(PathRasterizer.rasterize(disjoint, 30, 25, null))).isZero();
  }

  @Test
  void shapes_beyond_the_canvas_and_areas_with_offsets_are_clipped_exactly() {
    double[] r = {-5.5, -3.25, 10.5, 8.75};
    PathGeometry p = path(PathFillMode.OPERATIONS, rect(r[0], r[1], r[2], r[3], PathOperation.COMBINE),
        circle(30.2, 12.7, 25.1, PathOperation.COMBINE));
    GrayU16 full = PathRasterizer.rasterize(p, 40, 30, null);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 5; x++) {
        assertThat(full.get(x, y)).isEqualTo(65535);
      }
    }
    // Any area of the document gives the same pixels as the matching view of the whole document.
    Rect area = new Rect(7, 3, 33, 29);
    GrayU16 out = MaskTesting.framedOutput(area.width(), area.height());
    PathRasterizer.rasterize(p, area, out);
    assertThat(QualityMetrics.maxDifference(out, full.subimage(7, 3, 33, 29))).isZero();
    MaskTesting.assertFrameUntouched(out);
    // An area that reaches beyond the document, left and above it, sees the shapes there too.
    GrayU16 outside = PathRasterizer.rasterize(p, new Rect(-20, -10, 0, 0), null);
    assertCoverage(outside, (x, y) -> rectCoverage(x - 20, y - 10, r[0], r[1], r[2], r[3]));
  }

  @Test
  void open_subpaths_are_closed_by_a_straight_line() {
    double[] t = {2.5, 3.5, 17.25, 5.5, 8.75, 14.5};
    Subpath closed = polygon(t, PathOperation.COMBINE);
    Subpath open = new Subpath(false, PathOperation.COMBINE, closed.knots());
    GrayU16 a = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, closed), 20, 20, null);
    GrayU16 b = PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, open), 20, 20, null);
    assertThat(a.sameSamples(b)).isTrue();
    assertThat(area(a)).isCloseTo(Math.abs(shoelace(t)), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void curved_shapes_with_every_operation_match_the_supersampling_oracle() {
    Random rng = new Random(11);
    PathOperation[] ops = {PathOperation.COMBINE, PathOperation.SUBTRACT, PathOperation.INTERSECT,
        PathOperation.EXCLUDE, PathOperation.MERGE};
    for (int trial = 0; trial < 6; trial++) {
      List<Subpath> subpaths = new ArrayList<>();
      int n = 2 + rng.nextInt(3);
      for (int s = 0; s < n; s++) {
        PathOperation op = ops[rng.nextInt(ops.length)];
        subpaths.add(rng.nextBoolean()
            ? circle(8 + rng.nextDouble() * 24, 8 + rng.nextDouble() * 24, 3 + rng.nextDouble() * 12, op)
            : blob(rng, op));
      }
      PathFillMode mode = trial % 3 == 2 ? PathFillMode.EVEN_ODD : PathFillMode.OPERATIONS;
      PathGeometry p = new PathGeometry(subpaths, mode);
      GrayU16 mask = PathRasterizer.rasterize(p, 40, 40, null);
      PathRasterizerNaive.Result oracle = PathRasterizerNaive.coverage(p, 0, 0, 40, 40, 16);
      double sumDiff = 0;
      double maxAlone = 0;
      double maxShared = 0;
      int shared = 0;
      for (int y = 0; y < 40; y++) {
        for (int x = 0; x < 40; x++) {
          double diff = Math.abs(mask.get(x, y) / 65535.0 - oracle.coverage()[y][x]);
          sumDiff += diff;
          if (oracle.sharedEdges()[y][x]) {
            shared++;
            maxShared = Math.max(maxShared, diff);
          } else {
            maxAlone = Math.max(maxAlone, diff);
          }
        }
      }
      // 16×16 samples resolve a pixel's coverage to about 1/16 per edge crossing it. Where edges
      // of two components cross one pixel, the soft algebra assumes independent coverage (e.g.
      // two half-covered pixels XOR to 1/2 even if the halves coincide): off by at most 1/2 there.
      assertThat(maxAlone).as("trial %d", trial).isLessThan(0.125);
      assertThat(maxShared).as("trial %d", trial).isLessThan(0.5);
      System.out.printf("path oracle trial %d: mean |diff| %.5f, max %.4f alone, max %.4f on %d shared-edge pixels%n",
          trial, sumDiff / 1600, maxAlone, maxShared, shared);
      assertThat(sumDiff / 1600).as("mean difference, trial %d", trial).isLessThan(0.004);
    }
  }

  @Test
  void an_empty_path_and_empty_subpaths_cover_nothing() {
    assertThat(area(PathRasterizer.rasterize(path(PathFillMode.OPERATIONS), 8, 8, null))).isZero();
    Subpath empty = new Subpath(true, PathOperation.COMBINE, List.of());
    Subpath dot = new Subpath(true, PathOperation.COMBINE, List.of(Knot.corner(3, 3)));
    assertThat(area(PathRasterizer.rasterize(path(PathFillMode.OPERATIONS, empty, dot), 8, 8, null))).isZero();
  }

  @Test
  void bad_input_is_rejected_with_a_message() {
    assertThatThrownBy(() -> Knot.corner(Double.NaN, 1)).hasMessageContaining("non-finite");
    assertThatThrownBy(() -> PathOperation.ofPsdCode(7)).hasMessageContaining("7");
    assertThatThrownBy(() -> PathRasterizer.rasterize(path(PathFillMode.OPERATIONS), 8, 8, new GrayU16(4, 4)))
        .hasMessageContaining("expected 8×8");
  }

  /** A smooth closed curve with random control points around a centre. */
  static Subpath blob(Random rng, PathOperation op) {
    double cx = 10 + rng.nextDouble() * 20;
    double cy = 10 + rng.nextDouble() * 20;
    int n = 3 + rng.nextInt(3);
    List<Knot> knots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      double r = 4 + rng.nextDouble() * 8;
      double x = cx + r * Math.cos(a);
      double y = cy + r * Math.sin(a);
      double t = r * 0.5;
      knots.add(new Knot(x + t * Math.sin(a), y - t * Math.cos(a), x, y, x - t * Math.sin(a), y + t * Math.cos(a)));
    }
    return new Subpath(true, op, knots);
  }

  static double shoelace(double[] xy) {
    double a = 0;
    int n = xy.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      a += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return a / 2;
  }

  /** ½∮(x dy − y dx) over the Béziers; the integrand has degree 5, so 3-point Gauss is exact. */
  static double bezierArea(Subpath s) {
    double[] nodes = {-Math.sqrt(0.6), 0, Math.sqrt(0.6)};
    double[] weights = {5 / 9.0, 8 / 9.0, 5 / 9.0};
    double area = 0;
    List<Knot> k = s.knots();
    for (int i = 0; i < k.size(); i++) {
      Knot a = k.get(i);
      Knot b = k.get((i + 1) % k.size());
      double[] px = {a.x(), a.outX(), b.inX(), b.x()};
      double[] py = {a.y(), a.outY(), b.inY(), b.y()};
      for (int g = 0; g < 3; g++) {
        double t = 0.5 * (nodes[g] + 1);
        double u = 1 - t;
        double x = u * u * u * px[0] + 3 * u * u * t * px[1] + 3 * u * t * t * px[2] + t * t * t * px[3];
        double y = u * u * u * py[0] + 3 * u * u * t * py[1] + 3 * u * t * t * py[2] + t * t * t * py[3];
        double dx = 3 * (u * u * (px[1] - px[0]) + 2 * u * t * (px[2] - px[1]) + t * t * (px[3] - px[2]));
        double dy = 3 * (u * u * (py[1] - py[0]) + 2 * u * t * (py[2] - py[1]) + t * t * (py[3] - py[2]));
        area += 0.5 * weights[g] * 0.5 * (x * dy - y * dx);
      }
    }
    return area;
  }

  static int nonZero(GrayU16 mask) {
    int n = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (mask.get(x, y) != 0 && mask.get(x, y) != 65535) {
          n++;
        }
      }
    }
    return n;
  }
}
