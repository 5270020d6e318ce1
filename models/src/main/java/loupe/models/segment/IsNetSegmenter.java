// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import ai.onnxruntime.OnnxTensor;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import loupe.engine.Progress;
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
 * </ol>
 *
 * Thread-safe: the model session is shared.
 */
public final class IsNetSegmenter implements ProductSegmenter {
  private final ModelSession session;
  private final IsNetConfig config;

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

  @Override
  public GrayU16 segment(Planar image, Progress progress) {
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
    double scale = Math.max((double) image.width / tw, (double) image.height / th);
    GrayU16 mask = TiledEdgeRefine.refine(coarse, luminance(image), config.edgeRadius(scale), config.edgeEpsilon(),
        config.tile(), progress);
    progress.report("segment (" + m.id() + "): done", 1);
    return mask;
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
