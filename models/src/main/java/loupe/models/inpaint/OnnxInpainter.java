// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import ai.onnxruntime.OnnxTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import loupe.engine.Progress;
import loupe.engine.alg.inpaint.BackgroundInpainter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.recipe.ModelInpainter;
import loupe.models.ModelInfo;
import loupe.models.ModelManifest;
import loupe.models.ModelSession;
import loupe.models.TensorRole;
import loupe.models.TensorSpec;
import loupe.models.Tensors;

/**
 * Background inpainting with a fixed-size ONNX model (LaMa, MI-GAN), one crop per hole, the way
 * IOPaint's "Crop" strategy does it, with Loupe's safety rules:
 *
 * <ul>
 *   <li>Each 8-connected hole gets a window of the model's size (or larger, then area-downsampled)
 *       with {@link CropConfig#margin()} of context.
 *   <li>The model is told that every hole pixel <em>and every pixel it may not sample</em>
 *       ({@code sourceAllowed == 0}) is to be filled, and their values are zeroed: jewelry never
 *       reaches the model, so it cannot leak into a fill. A model pixel is "known" only if every
 *       image pixel under it is known and allowed.
 *   <li>The mask is encoded with the model's own polarity (LaMa 1 = hole; MI-GAN 255 = known).
 *   <li>Only the hole's pixels are written back, bilinearly sampled from the model's output at full
 *       16-bit depth and blended by the hole's softness; every other pixel is the input's.
 * </ul>
 */
public final class OnnxInpainter implements BackgroundInpainter {
  private final ModelSession session;
  private final CropConfig crops;

  public OnnxInpainter(ModelSession session, CropConfig crops) {
    this.session = Objects.requireNonNull(session, "session");
    this.crops = Objects.requireNonNull(crops, "crops");
  }

  /** The model (id, variant, sha256) this inpainter runs; opens and verifies it on first call. */
  public ModelInfo modelInfo() {
    return session.info();
  }

  /** This inpainter as a recipe's prop inpainter, named by its verified model (opens the model). */
  public ModelInpainter forRecipes() {
    ModelInfo info = modelInfo();
    return new ModelInpainter(this, info.id(), info.variant(), info.sha256());
  }

  @Override
  public Planar inpaint(Planar image, GrayU16 hole, GrayU16 sourceAllowed, Progress progress) {
    ImageChecks.sameSize(image, hole);
    ImageChecks.sameSize(image, sourceAllowed);
    if (image.numBands() != 1 && image.numBands() != 3) {
      throw new IllegalArgumentException("inpainting needs an RGB or gray image, got " + image.numBands() + " bands");
    }
    Planar out = image.copy();
    HoleComponents holes = HoleComponents.of(hole);
    ModelManifest m = session.manifest();
    for (int c = 0; c < holes.boxes().size(); c++) {
      progress.checkCancelled();
      progress.report("inpaint (" + m.id() + ")", (double) c / holes.boxes().size());
      Rect box = holes.boxes().get(c);
      CropWindow window = CropWindow.around(box, crops.margin(), m.size().width(), m.size().height(), image.width,
          image.height);
      float[] fill = run(m, ModelInput.of(image, hole, sourceAllowed, window));
      paste(fill, window, holes, c, hole, out);
    }
    progress.report("inpaint (" + m.id() + "): done", 1);
    return out;
  }

  private float[] run(ModelManifest m, ModelInput input) {
    TensorSpec imageSpec = m.input(TensorRole.IMAGE);
    TensorSpec holeSpec = m.input(TensorRole.HOLE);
    int w = m.size().width();
    int h = m.size().height();
    float[] pixels = new float[input.rgb().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = imageSpec.encode(input.rgb()[i]);
    }
    float[] mask = new float[w * h];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = (float) (input.known()[i] ? holeSpec.known() : holeSpec.hole());
    }
    try (OnnxTensor img = Tensors.create(imageSpec.type(), pixels, new long[] {1, 3, h, w});
        OnnxTensor msk = Tensors.create(holeSpec.type(), mask, new long[] {1, 1, h, w})) {
      Map<String, OnnxTensor> feed = new LinkedHashMap<>();
      feed.put(imageSpec.name(), img);
      feed.put(holeSpec.name(), msk);
      float[] values = session.run(feed, t -> Tensors.read(m.id(), t, 3 * w * h));
      TensorSpec outSpec = m.output();
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) outSpec.decode(values[i]);
      }
      return values;
    }
  }

  /**
   * Writes the fill into the pixels of component {@code c}: fill·h + original·(1 − h), 16-bit.
   *
   * @param hole Not modified
   * @param out Modified: only component {@code c}'s pixels
   */
  private static void paste(float[] fill, CropWindow window, HoleComponents holes, int c, GrayU16 hole, Planar out) {
    Rect box = holes.boxes().get(c);
    int mw = window.modelWidth();
    int mh = window.modelHeight();
    int plane = mw * mh;
    for (int y = box.top(); y < box.bottom(); y++) {
      double v = clamp(window.modelY(y), mh - 1);
      int j0 = (int) Math.floor(v);
      int j1 = Math.min(j0 + 1, mh - 1);
      double fy = v - j0;
      for (int x = box.left(); x < box.right(); x++) {
        if (holes.label(x, y) != c) {
          continue;
        }
        double u = clamp(window.modelX(x), mw - 1);
        int i0 = (int) Math.floor(u);
        int i1 = Math.min(i0 + 1, mw - 1);
        double fx = u - i0;
        double weight = hole.get(x, y) / 65535.0;
        double[] rgb = new double[3];
        for (int ch = 0; ch < 3; ch++) {
          int o = ch * plane;
          double level = (1 - fx) * (1 - fy) * fill[o + j0 * mw + i0] + fx * (1 - fy) * fill[o + j0 * mw + i1]
              + (1 - fx) * fy * fill[o + j1 * mw + i0] + fx * fy * fill[o + j1 * mw + i1];
          rgb[ch] = Math.max(0, Math.min(65535, level * 257));
        }
        if (out.numBands() == 1) {
          blend(out.bands[0], x, y, (rgb[0] + rgb[1] + rgb[2]) / 3, weight);
        } else {
          for (int ch = 0; ch < 3; ch++) {
            blend(out.bands[ch], x, y, rgb[ch], weight);
          }
        }
      }
    }
  }

  private static void blend(GrayU16 band, int x, int y, double fill, double weight) {
    int original = band.get(x, y);
    band.set(x, y, (int) Math.round(fill * weight + original * (1 - weight)));
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
