// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import ai.onnxruntime.OnnxTensor;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.props.PropConfig;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.alg.segment.ProductSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.models.ModelInfo;
import loupe.models.ModelManifest;
import loupe.models.ModelSession;
import loupe.models.TensorRole;
import loupe.models.TensorSpec;
import loupe.models.Tensors;

/**
 * The product mask from ISNet (Qin et al., "Highly Accurate Dichotomous Image Segmentation", ECCV
 * 2022) as shipped by @imgly/background-removal-data:
 *
 * <ol>
 *   <li>Stretch the shot to the model size and normalise exactly as the package does ({@link
 *       PackageResize}: bilinear, (v − 128)/256 on 8-bit levels).
 *   <li>Run the model, reading only its {@code output} alpha.
 *   <li>Bring the alpha back to full resolution (bilinear) and cut it to a mask whose interior is
 *       fully jewelry ({@link IsNetConfig#lowCut()}, {@link IsNetConfig#highCut()}).
 *   <li>Refine the edges at full resolution against the shot's luminance with the guided filter
 *       ({@link loupe.engine.alg.mask.MaskOps#refineEdges}), which restores thin chains and prongs
 *       that a 1024² model blurs; tiles without an edge are skipped.
 *   <li>Let Loupe's classical cues veto what is clearly not jewelry ({@link ClassicalVeto}): what
 *       lies beyond the classical mask's reach, and the props the prop detector finds. ISNet is a
 *       salient-object model and selects the props too; {@link #modelMask} is its mask alone.
 * </ol>
 *
 * Thread-safe: the model session is shared.
 */
public final class IsNetSegmenter implements ProductSegmenter {
  /** The prop veto's guard: none, since the model's own outline bounds what the veto can take. */
  private static final PropConfig PROPS = PropConfig.DEFAULT.withGuardRadius(0);
  private final ModelSession session;
  private final IsNetConfig config;
  private final ProductSegmenter classical = new ClassicalSegmenter();

  public IsNetSegmenter(ModelSession session, IsNetConfig config) {
    this.session = Objects.requireNonNull(session, "session");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The model (id, variant, sha256) this segmenter runs; opens and verifies it on first call. */
  public ModelInfo modelInfo() {
    return session.info();
  }

  public IsNetConfig config() {
    return config;
  }

  /**
   * Steps 1–5: the model's mask, then the classical veto.
   *
   * @param image the shot; Not modified
   */
  @Override
  public GrayU16 segment(Planar image, Progress progress) {
    GrayU16 model = modelMask(image, progress);
    progress.report("segment (" + session.manifest().id() + "): veto", 0.9);
    GrayU16 mask = ClassicalVeto.apply(image, model, classical, PROPS, config.vetoReach(scale(image)),
        config.vetoLongSide(), progress);
    progress.report("segment (" + session.manifest().id() + "): done", 1);
    return mask;
  }

  /**
   * Steps 1–4: the model's own mask, props included.
   *
   * @param image the shot; Not modified
   */
  public GrayU16 modelMask(Planar image, Progress progress) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(progress, "progress");
    ModelManifest m = session.manifest();
    TensorSpec in = m.input(TensorRole.IMAGE);
    TensorSpec out = m.output();
    int tw = m.size().width();
    int th = m.size().height();
    progress.report("segment (" + m.id() + "): prepare", 0);
    float[] tensor = PackageResize.toTensor(image, in, tw, th);
    progress.checkCancelled();
    progress.report("segment (" + m.id() + "): model", 0.1);
    float[] alpha = infer(in, tensor, tw, th);
    progress.checkCancelled();
    progress.report("segment (" + m.id() + "): refine", 0.8);
    GrayU16 coarse = PackageResize.alphaToMask(alpha, tw, th, out, image.width, image.height, config.lowCut(),
        config.highCut());
    return TiledEdgeRefine.refine(coarse, luminance(image), config.edgeRadius(scale(image)), config.edgeEpsilon(),
        config.tile(), progress);
  }

  /** Shot size over model size (the upsampling factor of the alpha). */
  private double scale(Planar image) {
    ModelManifest m = session.manifest();
    return Math.max((double) image.width / m.size().width(), (double) image.height / m.size().height());
  }

  private float[] infer(TensorSpec in, float[] data, int tw, int th) {
    String id = session.manifest().id();
    try (OnnxTensor input = Tensors.create(in.type(), data, new long[] {1, 3, th, tw})) {
      return session.run(Map.of(in.name(), input), output -> Tensors.read(id, output, tw * th));
    }
  }

  /** Rec. 709 luma of the shot's storage values (the guide of the edge refine); band 0 for gray shots. */
  static GrayU16 luminance(Planar image) {
    if (image.numBands() < 3) {
      return image.bands[0];
    }
    GrayU16 r = image.bands[0];
    GrayU16 g = image.bands[1];
    GrayU16 b = image.bands[2];
    GrayU16 out = new GrayU16(image.width, image.height);
    IntStream.range(0, image.height).parallel().forEach(y -> {
      int ir = r.index(0, y);
      int ig = g.index(0, y);
      int ib = b.index(0, y);
      int o = out.index(0, y);
      for (int x = 0; x < image.width; x++) {
        int v = (2126 * (r.data[ir + x] & 0xFFFF) + 7152 * (g.data[ig + x] & 0xFFFF) + 722 * (b.data[ib + x] & 0xFFFF)
            + 5000) / 10000;
        out.data[o + x] = (short) v;
      }
    });
    return out;
  }
}
