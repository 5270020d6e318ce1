// SPDX-License-Identifier: Apache-2.0
package loupe.models.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tiny ONNX models the unit tests run (committed under src/test/resources/fixtures; a test
 * checks they equal what this generator writes). Regenerate with
 * {@code java -cp models/target/test-classes loupe.models.testing.OnnxFixtures models/src/test/resources/fixtures}.
 *
 * <ul>
 *   <li>{@code tiny-isnet.onnx}: ISNet's interface at 32×32. input float [batch,3,32,32] →
 *       output = sigmoid(16 · mean over channels) [batch,1,32,32], plus a side output
 *       {@code side} (the channel mean) that Loupe must not request.
 *   <li>{@code tiny-lama.onnx}: LaMa's interface at 16×16. image float [batch,3,16,16] in 0..1,
 *       mask float [batch,1,16,16] with 1 = hole → output float 0..255 = image outside the hole and,
 *       inside it, the per-channel maximum of the visible (non-hole) pixels.
 *   <li>{@code tiny-migan.onnx}: MI-GAN's pipeline interface, any size: image uint8 [batch,3,h,w],
 *       mask uint8 [batch,1,h,w] with 255 = known → result uint8, filled the same way.
 * </ul>
 * The "maximum of the visible pixels" fill makes leaks measurable: a bright pixel the model was
 * not allowed to see would raise the fill.
 */
public final class OnnxFixtures {
  private OnnxFixtures() {}

  public static Map<String, byte[]> all() {
    Map<String, byte[]> models = new TreeMap<>();
    models.put("tiny-isnet.onnx", new OnnxGraph("tiny-isnet")
        .input("input", OnnxGraph.FLOAT, "batch", 3L, 32L, 32L)
        .scalar("k", 16f)
        .node("ReduceMean", new String[] {"input"}, "mean", "axes", new long[] {1}, "keepdims", 1)
        .node("Mul", new String[] {"mean", "k"}, "scaled")
        .node("Sigmoid", new String[] {"scaled"}, "output")
        .node("Identity", new String[] {"mean"}, "side")
        .output("output", OnnxGraph.FLOAT, "batch", 1L, 32L, 32L)
        .output("side", OnnxGraph.FLOAT, "batch", 1L, 32L, 32L)
        .toModel());
    models.put("tiny-lama.onnx", maxFill("tiny-lama", false));
    models.put("tiny-migan.onnx", maxFill("tiny-migan", true));
    return models;
  }

  /** The max-of-visible fill; {@code uint8}: MI-GAN's types and polarity, otherwise LaMa's. */
  private static byte[] maxFill(String name, boolean uint8) {
    OnnxGraph g = new OnnxGraph(name).scalar("one", 1f).scalar("k255", 255f);
    if (uint8) {
      g.input("image", OnnxGraph.UINT8, "batch", 3L, "height", "width")
          .input("mask", OnnxGraph.UINT8, "batch", 1L, "height", "width")
          .node("Cast", new String[] {"image"}, "img", "to", OnnxGraph.FLOAT)
          .node("Cast", new String[] {"mask"}, "mask255", "to", OnnxGraph.FLOAT)
          .node("Div", new String[] {"mask255", "k255"}, "known")
          .node("Sub", new String[] {"one", "known"}, "hole");
    } else {
      g.input("image", OnnxGraph.FLOAT, "batch", 3L, 16L, 16L)
          .input("mask", OnnxGraph.FLOAT, "batch", 1L, 16L, 16L)
          .node("Mul", new String[] {"image", "k255"}, "img")
          .node("Identity", new String[] {"mask"}, "hole")
          .node("Sub", new String[] {"one", "hole"}, "known");
    }
    g.node("Mul", new String[] {"img", "known"}, "visible")
        .node("ReduceMax", new String[] {"visible"}, "fill", "axes", new long[] {2, 3}, "keepdims", 1)
        .node("Mul", new String[] {"fill", "hole"}, "filled")
        .node("Add", new String[] {"visible", "filled"}, uint8 ? "sum" : "output");
    if (uint8) {
      g.node("Cast", new String[] {"sum"}, "result", "to", OnnxGraph.UINT8)
          .output("result", OnnxGraph.UINT8, "batch", 3L, "height", "width");
    } else {
      g.output("output", OnnxGraph.FLOAT, "batch", 3L, 16L, 16L);
    }
    return g.toModel();
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "models/src/test/resources/fixtures");
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : all().entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      System.out.println(dir.resolve(e.getKey()) + " (" + e.getValue().length + " bytes)");
    }
  }
}
