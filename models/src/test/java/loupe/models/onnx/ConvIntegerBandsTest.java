// SPDX-License-Identifier: Apache-2.0
package loupe.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import loupe.models.testing.OnnxGraph;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvIntegerBandsTest {
  private static final int C = 3;
  private static final int M = 4;
  private static final int H = 13;
  private static final int W = 11;

  @TempDir
  Path dir;

  /** x → DynamicQuantizeLinear → ConvInteger(k×k, pads, dilation, stride) → int32 y, as ISNet's chains. */
  private Path model(int k, long[] pads, int dilation, int stride) throws Exception {
    byte[] weights = new byte[M * C * k * k];
    new Random(7).nextBytes(weights);
    OnnxGraph g = new OnnxGraph("conv")
        .input("x", OnnxGraph.FLOAT, 1L, (long) C, (long) H, (long) W)
        .tensor("w", OnnxGraph.UINT8, new long[] {M, C, k, k}, weights)
        .tensor("wz", OnnxGraph.UINT8, new long[] {}, new byte[] {(byte) 131})
        .node("DynamicQuantizeLinear", new String[] {"x"}, new String[] {"xq", "xs", "xz"})
        .node("ConvInteger", new String[] {"xq", "w", "xz", "wz"}, "y", "kernel_shape", new long[] {k, k},
            "pads", pads, "dilations", new long[] {dilation, dilation}, "strides", new long[] {stride, stride})
        .output("y", OnnxGraph.INT32, 1L, (long) M, "h", "w");
    Path file = dir.resolve("conv.onnx");
    Files.write(file, g.toModel());
    return file;
  }

  @ParameterizedTest(name = "{0}×{0}, pads {1} {2} {3} {4}, dilation {5}, limit {6} bytes")
  @CsvSource({
      "3, 1, 1, 1, 1, 1, 400",  // ISNet's case, a few bands
      "3, 1, 1, 1, 1, 1, 1",    // one output row per band
      "5, 2, 2, 2, 2, 1, 600",
      "3, 2, 2, 2, 2, 2, 500",  // dilated: the halo is 2 rows
      "3, 0, 0, 0, 0, 1, 300",  // no padding: every band reads real rows only
      "3, 0, 1, 2, 1, 1, 300"   // asymmetric: nothing above, two rows of padding below
  })
  void banded_convolutions_give_the_same_integers(int k, long top, long left, long bottom, long right, int dilation,
      long limit) throws Exception {
    Path original = model(k, new long[] {top, left, bottom, right}, dilation, 1);
    Path banded = dir.resolve("banded.onnx");
    assertThat(ConvIntegerBands.write(original, limit, banded)).isEqualTo(1);
    float[] x = new float[C * H * W];
    Random r = new Random(11);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    int[] whole = run(original, x);
    assertThat(whole).hasSize(M * (H + (int) (top + bottom) - dilation * (k - 1))
        * (W + (int) (left + right) - dilation * (k - 1)));
    assertThat(run(banded, x)).containsExactly(whole);
  }

  @ParameterizedTest(name = "stride {0}, limit {1}")
  @CsvSource({"2, 1", "1, 100000"})
  void strided_or_small_convolutions_are_left_whole(int stride, long limit) throws Exception {
    Path original = model(3, new long[] {1, 1, 1, 1}, 1, stride);
    Path banded = dir.resolve("banded.onnx");
    assertThat(ConvIntegerBands.write(original, limit, banded)).isZero();
    assertThat(banded).doesNotExist();
  }

  private static int[] run(Path model, float[] x) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        OrtSession s = env.createSession(model.toString(), o);
        OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, C, H, W});
        OrtSession.Result out = s.run(Map.of("x", in))) {
      IntBuffer y = ((OnnxTensor) out.get(0)).getIntBuffer();
      int[] values = new int[y.remaining()];
      y.get(values);
      return values;
    }
  }
}
