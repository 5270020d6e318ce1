// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import loupe.bench.BenchConfig;
import loupe.bench.data.LargeShot;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.alg.outline.MaskOutline;
import loupe.engine.alg.outline.Outline;
import loupe.engine.alg.outline.OutlineConfig;
import loupe.engine.image.GrayU16;

/**
 * Rasterising a Pen-tool path at the large shot's size, against the goal of 300 ms (no
 * reference tool does the same job): the truth mask's outline, traced untimed with curves fitted as
 * a retoucher's path would be. (The automatic mask's 24 MP row is {@code segment:24mp-16}.)
 */
public final class PathRasterWorkload implements Workload {
  private final BenchConfig cfg;
  private final Repeat repeat;

  public PathRasterWorkload(BenchConfig cfg) {
    this.cfg = cfg;
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return "mask-path";
  }

  @Override
  public Row run() throws Exception {
    LargeShot shot = LargeShot.of(cfg.scene(cfg.scenes().get(0)), cfg.largeLongSide());
    GrayU16 truth = shot.mask();
    Outline outline = MaskOutline.trace(truth, MaskOutline.HALF, OutlineConfig.DEFAULT.withCurves(true));
    PathGeometry path = outline.toPath();
    Compared<GrayU16, Void> m = Compared.loupeOnly(repeat,
        () -> PathRasterizer.rasterize(path, truth.width, truth.height, null));
    return Row.of(id(), "path rasterisation", shot.description() + ", " + outline.knotCount() + " knots", repeat,
        null, m, Row.fields(
            "knots", outline.knotCount(),
            "area_px", outline.area(),
            "iou_vs_traced_mask", SceneQuality.iou(m.loupe().result(), truth)),
        "goal ≤ 300 ms");
  }
}
