// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.image.GrayU16;
import loupe.engine.quality.QualityMetrics;
import org.junit.jupiter.api.Test;

class TestMaskOutline {
  private static final int HALF = MaskOutline.HALF;

  /** Intersection over union of "path coverage ≥ 50 %" and "mask ≥ threshold". */
  static double iou(Outline outline, GrayU16 mask, int threshold) {
    GrayU16 raster = PathRasterizer.rasterize(outline.toPath(), mask.width, mask.height, null);
    return QualityMetrics.iou(raster, HALF, mask, threshold);
  }

  /** Length of all rings, each cubic measured as 16 chords. */
  static double perimeter(Outline outline) {
    double sum = 0;
    for (OutlineRing r : outline.rings()) {
      int n = r.knots().size();
      for (int k = 0; k < n; k++) {
        PathGeometry.Knot a = r.knots().get(k);
        PathGeometry.Knot b = r.knots().get((k + 1) % n);
        double px = a.x();
        double py = a.y();
        for (int i = 1; i <= 16; i++) {
          double t = i / 16.0;
          double u = 1 - t;
          double x = u * u * u * a.x() + 3 * u * u * t * a.outX() + 3 * u * t * t * b.inX() + t * t * t * b.x();
          double y = u * u * u * a.y() + 3 * u * u * t * a.outY() + 3 * u * t * t * b.inY() + t * t * t * b.y();
          sum += Math.hypot(x - px, y - py);
          px = x;
          py = y;
        }
      }
    }
    return sum;
  }

  static long mismatches(Outline outline, GrayU16 mask, int threshold) {
    GrayU16 raster = PathRasterizer.rasterize(outline.toPath(), mask.width, mask.height, null);
    long n = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        n += (raster.get(x, y) >= HALF) != (mask.get(x, y) >= threshold) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void disk_with_a_hole_gives_one_outer_ring_and_one_hole_of_the_right_areas() {
    GrayU16 mask = OutlineTesting.render(120, 100, OutlineTesting.annulus(60.3, 49.7, 40, 15));
    for (boolean curves : new boolean[] {false, true}) {
      Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT.withCurves(curves));
      assertThat(o.rings()).hasSize(2);
      assertThat(o.holeCount()).isEqualTo(1);
      OutlineRing outer = o.rings().stream().filter(r -> !r.hole()).findFirst().orElseThrow();
      OutlineRing hole = o.rings().stream().filter(OutlineRing::hole).findFirst().orElseThrow();
      // Polygon vertices lie on the boundary, so chords cut convex arcs by at most the tolerance:
      // at most ⅔·tolerance·perimeter (a parabolic segment) plus the 8×8 rendering error.
      double slack = curves ? 0 : 2.0 / 3 * OutlineConfig.DEFAULT.tolerance();
      assertThat(outer.area()).as("outer, curves=%s", curves)
          .isCloseTo(Math.PI * 40 * 40, within(slack * 2 * Math.PI * 40 + 0.002 * Math.PI * 1600));
      assertThat(hole.area()).as("hole, curves=%s", curves)
          .isCloseTo(Math.PI * 15 * 15, within(slack * 2 * Math.PI * 15 + 0.005 * Math.PI * 225));
      // Filled even-odd, the hole stays empty: the centre is outside, the ring body inside.
      GrayU16 raster = PathRasterizer.rasterize(o.toPath(), mask.width, mask.height, null);
      assertThat(raster.get(60, 50)).isZero();
      assertThat(raster.get(60, 20)).isEqualTo(65535);
      assertThat(iou(o, mask, HALF)).isGreaterThan(0.99);
    }
  }

  @Test
  void outer_rings_run_clockwise_on_screen_and_holes_anticlockwise() {
    GrayU16 mask = OutlineTesting.render(60, 60, OutlineTesting.annulus(30, 30, 20, 8));
    Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT);
    for (OutlineRing r : o.rings()) {
      double signed = loupe.engine.alg.outline.impl.RingArea.knots(r.knots());
      assertThat(signed > 0).as("ring hole=%s signed area %s", r.hole(), signed).isEqualTo(!r.hole());
    }
  }

  @Test
  void a_one_pixel_line_is_one_ring_with_its_corners_cut_by_an_eighth_pixel() {
    GrayU16 mask = new GrayU16(60, 9);
    for (int x = 5; x < 55; x++) {
      mask.set(x, 4, 65535);
    }
    Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT);
    assertThat(o.rings()).hasSize(1);
    // Marching squares cuts each of the four convex corners by a right triangle with ½ px legs.
    assertThat(o.area()).isCloseTo(50 - 4 * 0.125, within(1e-9));
    assertThat(o.knotCount()).isLessThanOrEqualTo(8);
  }

  @Test
  void diagonally_touching_pixels_stay_one_ring() {
    GrayU16 mask = new GrayU16(30, 30);
    for (int i = 3; i < 27; i++) {
      mask.set(i, i, 65535);
    }
    Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT.withMinArea(0));
    assertThat(o.rings()).hasSize(1);
    assertThat(o.holeCount()).isZero();
    // 24 diamonds of ½ px², joined through 23 saddle cells that add ½ px² each.
    assertThat(o.area()).isCloseTo(24 * 0.5 + 23 * 0.5, within(1e-9));
  }

  @Test
  void a_thin_wire_ring_keeps_its_hole() {
    GrayU16 mask = OutlineTesting.render(80, 80, OutlineTesting.annulus(40, 40, 30, 28.8));
    Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT);
    assertThat(o.rings()).hasSize(2);
    assertThat(o.holeCount()).isEqualTo(1);
    assertThat(o.area()).isCloseTo(Math.PI * (900 - 28.8 * 28.8), within(0.05 * Math.PI * (900 - 28.8 * 28.8)));
    assertThat(iou(o, mask, HALF)).isGreaterThan(0.9);
  }

  @Test
  void specks_below_the_minimum_area_are_dropped_islands_and_holes_alike() {
    GrayU16 mask = new GrayU16(40, 40);
    mask.subimage(10, 10, 30, 30).fill(65535);
    mask.set(20, 20, 0);
    mask.set(3, 3, 65535);
    assertThat(MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT.withMinArea(0)).rings()).hasSize(3);
    Outline o = MaskOutline.trace(mask, HALF, OutlineConfig.DEFAULT);
    assertThat(o.rings()).hasSize(1);
    assertThat(o.area()).isCloseTo(400 - 0.5, within(1e-9));
  }

  @Test
  void a_full_mask_follows_the_image_border_and_an_empty_one_has_no_rings() {
    Outline full = MaskOutline.trace(GrayU16.filled(17, 11, 65535), HALF, OutlineConfig.DEFAULT);
    assertThat(full.rings()).hasSize(1);
    // The sides lie on the border; each image corner is cut like any convex corner (⅛ px²).
    assertThat(full.rings().get(0).knots()).hasSize(8);
    assertThat(full.area()).isCloseTo(17 * 11 - 4 * 0.125, within(1e-9));
    assertThat(MaskOutline.trace(new GrayU16(17, 11), HALF, OutlineConfig.DEFAULT).rings()).isEmpty();
    assertThat(MaskOutline.trace(new GrayU16(0, 0), HALF, OutlineConfig.DEFAULT).rings()).isEmpty();
  }

  @Test
  void random_masks_match_the_naive_pixel_count_and_their_own_rasterisation() {
    Random rng = new Random(20250611);
    for (int trial = 0; trial < 25; trial++) {
      int w = 20 + rng.nextInt(90);
      int h = 20 + rng.nextInt(90);
      GrayU16 mask = OutlineTesting.randomBlobs(rng, w, h);
      int threshold = 1 + rng.nextInt(65535);
      boolean curves = rng.nextBoolean();
      Outline o = MaskOutline.trace(mask, threshold, OutlineConfig.DEFAULT.withCurves(curves).withMinArea(0));
      long naive = OutlineTesting.count(mask, threshold);
      double perimeter = perimeter(o);
      // A pixel counts when its centre is inside; the line passes between centres, so the two
      // can only disagree on pixels along the boundary.
      assertThat(o.area()).as("trial %d, curves=%s, threshold %d", trial, curves, threshold)
          .isCloseTo(naive, within(0.5 * perimeter + 2));
      assertThat(mismatches(o, mask, threshold)).as("trial %d", trial).isLessThanOrEqualTo((long) (0.6 * perimeter) + 2);
      if (Math.abs(threshold - HALF) < 8000 && naive > 1000) {
        assertThat(iou(o, mask, threshold)).as("trial %d", trial).isGreaterThan(0.98);
      }
    }
  }

  @Test
  void tracing_a_view_equals_tracing_a_copy() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      GrayU16 mask = OutlineTesting.randomBlobs(rng, 50 + rng.nextInt(30), 40 + rng.nextInt(30));
      GrayU16 view = OutlineTesting.view(mask, 65535);
      for (boolean curves : new boolean[] {false, true}) {
        OutlineConfig config = OutlineConfig.DEFAULT.withCurves(curves);
        assertThat(MaskOutline.trace(view, HALF, config)).isEqualTo(MaskOutline.trace(mask, HALF, config));
      }
    }
  }

  @Test
  void tiny_rings_fitted_with_curves_keep_the_area_of_their_polygons() {
    Random rng = new Random(3);
    GrayU16 mask = new GrayU16(60, 60);
    for (int i = 0; i < 40; i++) {
      int x = 2 + rng.nextInt(56);
      int y = 2 + rng.nextInt(56);
      mask.set(x, y, 40000 + rng.nextInt(25536));
      if (rng.nextBoolean()) {
        mask.set(x + 1, y, 40000 + rng.nextInt(25536));
      }
    }
    OutlineConfig exact = OutlineConfig.DEFAULT.withTolerance(0).withMinArea(0);
    Outline polygons = MaskOutline.trace(mask, HALF, exact);
    Outline curves = MaskOutline.trace(mask, HALF, exact.withTolerance(0.3).withCurves(true));
    assertThat(curves.rings()).hasSameSizeAs(polygons.rings());
    for (int i = 0; i < polygons.rings().size(); i++) {
      assertThat(curves.rings().get(i).area()).as("ring %d", i)
          .isCloseTo(polygons.rings().get(i).area(), within(0.35 * perimeter(new Outline(List.of(polygons.rings().get(i)), 60, 60))));
    }
  }

  @Test
  void bad_parameters_are_refused_with_their_names() {
    assertThatThrownBy(() -> MaskOutline.trace(new GrayU16(4, 4), 0, OutlineConfig.DEFAULT))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> OutlineConfig.DEFAULT.withTolerance(-1)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> OutlineConfig.DEFAULT.withMinArea(Double.NaN)).hasMessageContaining("area");
  }
}
