// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.path.AdobePathReader;
import java.awt.geom.Path2D;
import java.util.Map;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.alg.outline.MaskOutline;
import loupe.engine.alg.outline.Outline;
import loupe.engine.alg.outline.OutlineConfig;
import loupe.engine.image.GrayU16;
import loupe.psd.PathData;
import loupe.psd.Subpath;
import loupe.server.retouch.PsdPaths;
import org.junit.jupiter.api.Test;

class ClippingPathTest {
  /** A 40×30 square with a 10×10 hole, traced. */
  static Outline squareWithHole(boolean curves) {
    GrayU16 mask = new GrayU16(80, 60);
    for (int y = 10; y < 40; y++) {
      for (int x = 20; x < 60; x++) {
        mask.set(x, y, x >= 35 && x < 45 && y >= 20 && y < 30 ? 0 : 65535);
      }
    }
    return MaskOutline.trace(mask, MaskOutline.HALF, OutlineConfig.DEFAULT.withCurves(curves));
  }

  @Test
  void path_records_are_fractions_and_every_subpath_excludes() {
    Outline outline = squareWithHole(false);
    PathData path = ClippingPath.toPathData(outline);
    assertThat(path.hasFillRule()).isTrue();
    assertThat(path.initialFill()).isZero();
    assertThat(path.subpaths()).hasSize(2).allSatisfy(s -> {
      assertThat(s.closed()).isTrue();
      assertThat(s.operation()).isEqualTo(Subpath.Operation.EXCLUDE);
    });
    assertThat(path.subpaths().get(0).knots()).allSatisfy(k -> {
      assertThat(k.anchorX()).isBetween(0.0, 1.0);
      assertThat(k.anchorY()).isBetween(0.0, 1.0);
    });
    // Read back by psd-io, filled as Loupe fills saved paths: the hole stays empty.
    PathData reread = PathData.parse(path.toResourceBytes());
    GrayU16 raster = PathRasterizer.rasterize(PsdPaths.toGeometry(reread, 80, 60), 80, 60, null);
    assertThat(raster.get(40, 25)).isZero();
    assertThat(raster.get(25, 15)).isEqualTo(65535);
  }

  @Test
  void twelvemonkeys_reads_the_resource_and_fills_the_hole_empty() throws Exception {
    for (boolean curves : new boolean[] {false, true}) {
      byte[] resources = ClippingPath.resources("Loupe product", ClippingPath.toPathData(squareWithHole(curves)));
      Map<Integer, byte[][]> blocks = FlatExporterTest.blocks(resources);
      Path2D path = new AdobePathReader(blocks.get(2000)[1]).readPath();
      GrayU16 raster = PathRasterizer.rasterize(ExportScenes.toGeometry(path, 80, 60), 80, 60, null);
      assertThat(raster.get(40, 25)).as("hole, curves=%s", curves).isZero();
      assertThat(raster.get(25, 15)).as("body, curves=%s", curves).isEqualTo(65535);
      assertThat(raster.get(5, 5)).as("outside, curves=%s", curves).isZero();
    }
  }

  @Test
  void smooth_fitted_knots_are_linked_and_corners_are_not() {
    GrayU16 disk = new GrayU16(100, 100);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 100; x++) {
        double d = Math.hypot(x + 0.5 - 50, y + 0.5 - 50) - 35;
        disk.set(x, y, (int) Math.round(65535 * Math.max(0, Math.min(1, 0.5 - d))));
      }
    }
    PathData curved = ClippingPath.toPathData(MaskOutline.trace(disk, MaskOutline.HALF, OutlineConfig.DEFAULT.withCurves(true)));
    assertThat(curved.subpaths().get(0).knots()).allSatisfy(k -> assertThat(k.linked()).isTrue());
    PathData square = ClippingPath.toPathData(squareWithHole(false));
    assertThat(square.subpaths().get(0).knots()).noneSatisfy(k -> assertThat(k.linked()).isTrue());
  }
}
