// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.CvImages;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Row;
import loupe.engine.Progress;
import loupe.engine.alg.inpaint.InpaintConfig;
import loupe.engine.alg.inpaint.InpaintOps;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

/**
 * Inpainting the true defects of a scene vs OpenCV's Telea inpainting (Telea, J. Graphics Tools
 * 2004) given the same hole. Specks: dust and hair, grown by 1 px; prop: the prop and its shadow,
 * grown by 3 px. The hole is soft (1 − truth mask), so jewelry pixels are never in it; Loupe samples
 * only background outside a 2 px guard band around the jewelry, Telea samples whatever borders the
 * hole. Quality on the labelled pixels: PSNR against the clean render and residue (≥ 12 levels off).
 */
public final class InpaintWorkload extends SceneWorkload {
  /** Which defects make the hole. */
  public enum Kind {
    SPECKS("specks", "speck inpaint", 1, Regions.DUST, Regions.HAIR),
    PROP("prop", "prop removal", 3, Regions.PROP, Regions.PROP_SHADOW);

    final String id;
    final String title;
    final int grow;
    final int[] labels;

    Kind(String id, String title, int grow, int... labels) {
      this.id = id;
      this.title = title;
      this.grow = grow;
      this.labels = labels;
    }
  }

  private static final double GUARD_BAND = 2;
  private static final double TELEA_RADIUS = 3;

  private final Kind kind;

  /** @param large null for the scene as it is, else the depth of its 24 MP upscale */
  public InpaintWorkload(Kind kind, BenchConfig cfg, Path sceneDir, BitDepth large) {
    super("inpaint-" + kind.id, cfg, sceneDir, large);
    this.kind = kind;
  }

  @Override
  Row run(Scene s) throws Exception {
    CvImages.load();
    GrayU16 labelled = Regions.labelled(s.defects(), kind.labels);
    GrayU16 hole = MaskOps.subtract(MaskOps.expand(labelled, kind.grow, null), s.mask(), null);
    GrayU16 allowed = MaskOps.invert(MaskOps.expand(s.mask(), GUARD_BAND, null), null);
    Mat bgr = CvImages.toBgr8(s.input());
    Mat holeMat = CvImages.toGray8(hole, true);
    Compared<Planar, Mat> m = Compared.run(repeat,
        () -> InpaintOps.inpaint(s.input(), hole, allowed, InpaintConfig.defaults(), Progress.NONE),
        repeat, () -> {
          Mat out = new Mat();
          Photo.inpaint(bgr, holeMat, out, TELEA_RADIUS, Photo.INPAINT_TELEA);
          return out;
        });
    Planar loupe = s.stored(m.loupe().result());
    Planar ref = CvImages.fromBgr8(m.reference().result());
    return Row.of(id(), kind.title + " " + s.name(),
        String.format("%s, hole %d px (labels grown %d px)", s.size(), Regions.count(hole), kind.grow), repeat,
        "OpenCV inpaint TELEA r=3, same hole", m,
        Row.fields(
            "defect_psnr_input_db", SceneQuality.psnr8(s.input(), s.clean(), labelled),
            "defect_psnr_loupe_db", SceneQuality.psnr8(loupe, s.clean(), labelled),
            "defect_psnr_ref_db", SceneQuality.psnr8(ref, s.clean(), labelled),
            "residue_input", SceneQuality.residue(s.input(), s.clean(), s.defects(), kind.labels),
            "residue_loupe", SceneQuality.residue(loupe, s.clean(), s.defects(), kind.labels),
            "residue_ref", SceneQuality.residue(ref, s.clean(), s.defects(), kind.labels)),
        null);
  }
}
