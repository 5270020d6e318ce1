// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.util.Map;
import loupe.bench.BenchConfig;
import loupe.bench.data.LargeShot;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.Progress;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.alg.outline.MaskOutline;
import loupe.engine.alg.outline.Outline;
import loupe.engine.alg.outline.OutlineConfig;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.image.GrayU16;

/**
 * A product mask from a source at the large shot's size, against the absolute goals (there
 * is no reference tool doing the same job): rasterising a Pen-tool path (the truth mask's outline,
 * traced untimed, curves fitted as a retoucher's path would be) and the model-free automatic mask.
 */
public final class MaskSourceWorkload implements Workload {
  /** Which source. */
  public enum Kind {
    PATH("mask-path", "path rasterisation", "goal ≤ 300 ms"),
    AUTO("mask-auto", "automatic product mask", "goal ≤ 3000 ms, no model");

    final String id;
    final String title;
    final String goal;

    Kind(String id, String title, String goal) {
      this.id = id;
      this.title = title;
      this.goal = goal;
    }
  }

  private final Kind kind;
  private final BenchConfig cfg;
  private final Repeat repeat;

  public MaskSourceWorkload(Kind kind, BenchConfig cfg) {
    this.kind = kind;
    this.cfg = cfg;
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return kind.id;
  }

  @Override
  public Row run() throws Exception {
    LargeShot shot = LargeShot.of(cfg.scene(cfg.scenes().get(0)), cfg.largeLongSide());
    GrayU16 truth = shot.mask();
    if (kind == Kind.PATH) {
      Outline outline = MaskOutline.trace(truth, MaskOutline.HALF, OutlineConfig.DEFAULT.withCurves(true));
      PathGeometry path = outline.toPath();
      Compared<GrayU16, Void> m = Compared.loupeOnly(repeat,
          () -> PathRasterizer.rasterize(path, truth.width, truth.height, null));
      return row(shot, outline.knotCount() + " knots", m, Row.fields(
          "knots", outline.knotCount(),
          "area_px", outline.area(),
          "iou_vs_traced_mask", SceneQuality.iou(m.loupe().result(), truth)));
    }
    ClassicalSegmenter segmenter = new ClassicalSegmenter();
    Compared<GrayU16, Void> m = Compared.loupeOnly(repeat, () -> segmenter.segment(shot.image(), Progress.NONE));
    return row(shot, "ClassicalSegmenter", m, Row.fields(
        "iou", SceneQuality.iou(m.loupe().result(), truth),
        "boundary_f", SceneQuality.boundaryF(m.loupe().result(), truth)));
  }

  private Row row(LargeShot shot, String what, Compared<GrayU16, Void> m, Map<String, Object> quality) {
    return Row.of(id(), kind.title, shot.description() + " 16-bit, " + what, repeat, null, m, quality, kind.goal);
  }
}
