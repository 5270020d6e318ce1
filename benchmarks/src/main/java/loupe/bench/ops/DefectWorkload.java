// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.alg.defects.DefectConfig;
import loupe.engine.alg.defects.DefectDetector;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;

/**
 * Background defect detection with the true product mask, scored against truth_defects.png:
 * recall per label (labelled pixels the detection covers) and false pixels (detections farther
 * than {@link #HALO} px from any labelled pixel; nearer ones are the halo the detector grows on
 * purpose). No reference: no common tool finds dust by itself.
 */
public final class DefectWorkload implements Workload {
  static final double HALO = 3;
  private final BenchConfig cfg;
  private final Path sceneDir;
  private final Repeat repeat;

  public DefectWorkload(BenchConfig cfg, Path sceneDir) {
    this.cfg = cfg;
    this.sceneDir = sceneDir;
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return "defects:" + sceneDir.getFileName();
  }

  @Override
  public Row run() throws Exception {
    Scene s = cfg.scene(sceneDir);
    Compared<GrayU16, Void> m = Compared.loupeOnly(repeat,
        () -> DefectDetector.detect(s.input(), s.mask(), DefectConfig.defaults()));
    GrayU16 found = m.loupe().result();
    GrayU16 anyDefect = Regions.labelled(s.defects(), Regions.DUST, Regions.HAIR, Regions.PROP, Regions.PROP_SHADOW);
    return Row.of(id(), "defect detection " + s.name(), s.width() + "×" + s.height() + " 8-bit, truth mask as P",
        repeat, null, m,
        Row.fields(
            "recall_dust", SceneQuality.coverage(found, Regions.labelled(s.defects(), Regions.DUST)),
            "recall_hair", SceneQuality.coverage(found, Regions.labelled(s.defects(), Regions.HAIR)),
            "detected_px", Regions.count(found),
            "false_px", SceneQuality.outside(found, MaskOps.expand(anyDefect, HALO, null))),
        "props are left to the prop workflow: they are not counted as misses");
  }
}
