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
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.alg.segment.ProductSegmenter;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;
import loupe.models.segment.IsNetSegmenter;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * An automatic product mask (the classical segmenter, or ISNet when installed) vs OpenCV GrabCut
 * (Rother, Kolmogorov, Blake, SIGGRAPH 2004) seeded with the truth mask's bounding box grown by 2%
 * of the long side — help Loupe does not get. ISNet runs without warm-up, like GrabCut: native
 * code, seconds per call.
 * GrabCut is slow, so it runs on a downscale (long side {@link #GRABCUT_LONG_SIDE}, area
 * averaging) and its mask is upscaled bilinearly; both resizes are in its time. Quality: IoU and
 * boundary F (2 px) against the truth mask, both binarised at one half. OpenCV and GrabCut's BGR copy
 * of the shot are loaded after Loupe's peak RSS is read, so it is the segmenter's.
 */
public final class SegmentWorkload extends SceneWorkload {
  /** Which of Loupe's segmenters. */
  public enum Segmenter { CLASSICAL, ISNET }

  static final int GRABCUT_LONG_SIDE = 400;
  private static final int GRABCUT_ITERATIONS = 5;

  private final Segmenter segmenter;
  private final Repeat referenceRepeat;

  /** @param large null for the scene as it is, else the depth of its 24 MP upscale */
  public SegmentWorkload(Segmenter segmenter, BenchConfig cfg, Path sceneDir, BitDepth large) {
    super(segmenter == Segmenter.ISNET ? "segment-isnet" : "segment", cfg, sceneDir, large);
    this.segmenter = segmenter;
    this.referenceRepeat = slowReferenceRepeat();
  }

  @Override
  Row run(Scene s) throws Exception {
    Rect canvas = Rect.ofSize(s.width(), s.height());
    Rect seed = MaskOps.support(s.mask()).grow(Math.max(s.width(), s.height()) / 50, canvas);
    try (ModelRegistry models = ModelRegistry.open(ModelFolder.configured().root())) {
      ProductSegmenter loupeSegmenter = segmenter == Segmenter.CLASSICAL ? new ClassicalSegmenter()
          : models.segmenter().orElseThrow(() -> new IllegalStateException("ISNet is not installed in "
              + ModelFolder.configured().root() + " (loupe models install isnet --accept-license)"));
      String what = loupeSegmenter instanceof IsNetSegmenter isnet ? "ISNet " + isnet.modelInfo().variant()
          : "ClassicalSegmenter";
      Compared<GrayU16, GrayU16> m = Compared.runPrepared(segmenter == Segmenter.ISNET ? cfg.qualityRepeat() : repeat,
          () -> loupeSegmenter.segment(s.input(), Progress.NONE), referenceRepeat, () -> {
            CvImages.load();
            Mat bgr = CvImages.toBgr8(s.input());
            return () -> grabCut(bgr, seed);
          });
      return row(s, what, m);
    }
  }

  private Row row(Scene s, String what, Compared<GrayU16, GrayU16> m) {
    GrayU16 loupe = m.loupe().result();
    GrayU16 ref = m.reference().result();
    double scale = (double) GRABCUT_LONG_SIDE / Math.max(s.width(), s.height());
    return Row.of(id(), "product mask " + s.name(), s.size() + ", " + what,
        segmenter == Segmenter.ISNET ? cfg.qualityRepeat() : repeat,
        String.format("OpenCV grabCut %d iter on %d×%d, seeded with the truth box", GRABCUT_ITERATIONS,
            Math.round(s.width() * scale), Math.round(s.height() * scale)), m,
        Row.fields(
            "iou_loupe", SceneQuality.iou(loupe, s.mask()),
            "iou_ref", SceneQuality.iou(ref, s.mask()),
            "boundary_f_loupe", SceneQuality.boundaryF(loupe, s.mask()),
            "boundary_f_ref", SceneQuality.boundaryF(ref, s.mask())),
        null);
  }

  /** GrabCut on a downscale; returns a full-size soft mask (65535 = foreground). */
  static GrayU16 grabCut(Mat bgr, Rect seed) {
    double scale = (double) GRABCUT_LONG_SIDE / Math.max(bgr.cols(), bgr.rows());
    Mat small = new Mat();
    Imgproc.resize(bgr, small, new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)), 0, 0,
        Imgproc.INTER_AREA);
    int x0 = (int) (seed.left() * scale);
    int y0 = (int) (seed.top() * scale);
    int x1 = Math.min(small.cols(), (int) Math.ceil(seed.right() * scale));
    int y1 = Math.min(small.rows(), (int) Math.ceil(seed.bottom() * scale));
    org.opencv.core.Rect rect = new org.opencv.core.Rect(x0, y0, x1 - x0, y1 - y0);
    Mat labels = new Mat();
    Imgproc.grabCut(small, labels, rect, new Mat(), new Mat(), GRABCUT_ITERATIONS, Imgproc.GC_INIT_WITH_RECT);
    // GC_FGD = 1 and GC_PR_FGD = 3 are foreground: exactly the odd labels.
    byte[] l = new byte[labels.rows() * labels.cols()];
    labels.get(0, 0, l);
    for (int i = 0; i < l.length; i++) {
      l[i] = (byte) ((l[i] & 1) != 0 ? 255 : 0);
    }
    Mat foreground = new Mat(labels.rows(), labels.cols(), CvType.CV_8UC1);
    foreground.put(0, 0, l);
    Mat full = new Mat();
    Imgproc.resize(foreground, full, bgr.size(), 0, 0, Imgproc.INTER_LINEAR);
    return CvImages.fromGray8(full);
  }
}
