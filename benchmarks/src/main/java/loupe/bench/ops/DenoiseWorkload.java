// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.CvImages;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.engine.Progress;
import loupe.engine.alg.denoise.DenoiseConfig;
import loupe.engine.alg.denoise.DenoiseOps;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

/**
 * Background denoise with the true product mask vs OpenCV's non-local means on the whole 8-bit
 * image (Buades, Coll, Morel, CVPR 2005), h = {@link #H_PER_SIGMA}·σ with σ the measured noise.
 * Quality on the bare sweep (background without labelled defects): PSNR against the clean render,
 * the noise left, and jewelry pixels changed. Loupe's result is stored at the scene's depth first
 * (rounded to 8 bits for a delivered shot); NLM always works on the 8-bit image, with σ and the jewelry
 * pixels it changed measured on that image.
 */
public final class DenoiseWorkload extends SceneWorkload {
  /**
   * NLM filter strength per unit of measured σ (8-bit levels). 0.6 maximised PSNR against the clean
   * render over the whole dev01 frame (defects excluded) among 0.6, 1.0, 1.5, 2.2, 3.0, 4.0: larger h
   * removes more sweep noise but smears the jewelry more.
   */
  public static final double H_PER_SIGMA = 0.6;
  private static final int TEMPLATE = 7;
  private static final int SEARCH = 21;

  private final Repeat referenceRepeat;

  /** @param large null for the scene as it is, else the depth of its 24 MP upscale */
  public DenoiseWorkload(BenchConfig cfg, Path sceneDir, BitDepth large) {
    super("denoise", cfg, sceneDir, large);
    this.referenceRepeat = slowReferenceRepeat();
  }

  @Override
  Row run(Scene s) throws Exception {
    CvImages.load();
    GrayU16 p = s.mask();
    double sigma = SceneQuality.noiseSigma8(s.input(), p);
    Mat bgr = CvImages.toBgr8(s.input());
    // NLM's input and its σ: for a 16-bit scene the 8-bit rounding, whose σ includes the rounding, so that
    // NLM gets the strength it gets on the 8-bit scene, and its jewelry is compared with what it was given.
    Planar given = CvImages.fromBgr8(bgr);
    float h = (float) (H_PER_SIGMA * SceneQuality.noiseSigma8(given, p));
    Compared<Planar, Mat> m = Compared.run(loupeRepeat(),
        () -> DenoiseOps.denoiseBackground(s.input(), p, DenoiseConfig.DEFAULT, Progress.NONE),
        referenceRepeat, () -> {
          Mat out = new Mat();
          Photo.fastNlMeansDenoisingColored(bgr, out, h, h, TEMPLATE, SEARCH);
          return out;
        });
    Planar loupe = s.stored(m.loupe().result());
    Planar ref = CvImages.fromBgr8(m.reference().result());
    GrayU16 sweep = Regions.sweep(p, s.defects());
    GrayU16 jewelry = Regions.jewelry(p);
    return Row.of(id(), "background denoise " + s.name(),
        s.size() + ", truth mask as P, strength " + DenoiseConfig.DEFAULT.strength(), loupeRepeat(),
        String.format("OpenCV NLM colored h=%.2f (%.1fσ) %d/%d", h, H_PER_SIGMA, TEMPLATE, SEARCH), m,
        Row.fields(
            "sweep_psnr_input_db", SceneQuality.psnr8(s.input(), s.clean(), sweep),
            "sweep_psnr_loupe_db", SceneQuality.psnr8(loupe, s.clean(), sweep),
            "sweep_psnr_ref_db", SceneQuality.psnr8(ref, s.clean(), sweep),
            "noise_sigma_input", sigma,
            "noise_sigma_loupe", SceneQuality.noiseSigma8(loupe, p),
            "noise_sigma_ref", SceneQuality.noiseSigma8(ref, p),
            "jewelry_changed_loupe", QualityMetrics.changedPixels(loupe, s.input(), jewelry),
            "jewelry_changed_ref", QualityMetrics.changedPixels(ref, given, jewelry)),
        "NLM runs on the whole frame (it has no mask); PSNR includes the vignetting neither removes");
  }
}
