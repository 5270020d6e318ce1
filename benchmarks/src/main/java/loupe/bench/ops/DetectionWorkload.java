// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Row;
import loupe.engine.Progress;
import loupe.engine.alg.defects.DefectConfig;
import loupe.engine.alg.defects.DefectDetector;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.props.PropConfig;
import loupe.engine.alg.props.PropDetector;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Background defect or prop detection with the true product mask, scored against
 * truth_defects.png: recall per target label (labelled pixels the detection covers), IoU with the
 * target labels, and false pixels (detections farther than {@link #HALO} px from any labelled
 * pixel; nearer ones are the halo a detector grows on purpose). No reference: no common tool finds
 * dust or props by itself.
 */
public final class DetectionWorkload extends SceneWorkload {
  /** Which detector, and which labels it is meant to find. */
  public enum Kind {
    DEFECTS("defects", "defect detection", Regions.DUST, Regions.HAIR),
    PROPS("props", "prop detection", Regions.PROP, Regions.PROP_SHADOW);

    final String id;
    final String title;
    final int first;
    final int second;

    Kind(String id, String title, int first, int second) {
      this.id = id;
      this.title = title;
      this.first = first;
      this.second = second;
    }

    GrayU16 detect(Planar image, GrayU16 productMask) {
      return this == DEFECTS
          ? DefectDetector.detect(image, productMask, DefectConfig.forFrame(image.width, image.height))
          : PropDetector.detect(image, productMask, PropConfig.DEFAULT, Progress.NONE);
    }
  }

  static final double HALO = 3;
  private static final String[] LABEL_NAMES = {"", "dust", "hair", "prop", "shadow"};
  private final Kind kind;

  /** @param large null for the scene as it is, else the depth of its 24 MP upscale */
  public DetectionWorkload(Kind kind, BenchConfig cfg, Path sceneDir, BitDepth large) {
    super(kind.id, cfg, sceneDir, large);
    this.kind = kind;
  }

  @Override
  Row run(Scene s) throws Exception {
    Compared<GrayU16, Void> m = Compared.loupeOnly(repeat, () -> kind.detect(s.input(), s.mask()));
    GrayU16 found = m.loupe().result();
    GrayU16 anyDefect = Regions.labelled(s.defects(), Regions.DUST, Regions.HAIR, Regions.PROP, Regions.PROP_SHADOW);
    GrayU16 target = Regions.labelled(s.defects(), kind.first, kind.second);
    return Row.of(id(), kind.title + " " + s.name(), s.size() + ", truth mask as P",
        repeat, null, m,
        Row.fields(
            "recall_" + LABEL_NAMES[kind.first],
            SceneQuality.coverage(found, Regions.labelled(s.defects(), kind.first)),
            "recall_" + LABEL_NAMES[kind.second],
            SceneQuality.coverage(found, Regions.labelled(s.defects(), kind.second)),
            "iou", Regions.count(target) == 0 ? null : SceneQuality.iou(found, target),
            "detected_px", Regions.count(found),
            "false_px", SceneQuality.outside(found, MaskOps.expand(anyDefect, HALO, null))),
        null);
  }
}
