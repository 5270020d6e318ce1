// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared session: lazy, usable from many threads, reading only the manifest's output. */
class ModelSessionTest {
  @TempDir Path folder;

  @Test
  void concurrentRunsOnOneSessionGiveEachCallerItsOwnAnswer() throws Exception {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      ModelSession session = registry.firstInstalled(ModelTask.SEGMENTATION).orElseThrow();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<float[]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          float level = t / 8f - 0.5f;
          results.add(pool.submit(() -> run(session, level)));
        }
        for (int t = 0; t < 8; t++) {
          double expected = 1 / (1 + Math.exp(-16.0 * (t / 8f - 0.5f)));
          assertThat(maxDeviation(results.get(t).get(), expected)).as("caller " + t).isLessThan(1e-6);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void readsTheManifestOutputNotTheSideOutput() {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      ModelSession session = registry.firstInstalled(ModelTask.SEGMENTATION).orElseThrow();
      // "side" would be the plain channel mean (0.25); "output" is its sigmoid(16·0.25).
      assertThat(maxDeviation(run(session, 0.25f), 1 / (1 + Math.exp(-4.0)))).isLessThan(1e-6);
    }
  }

  @Test
  void aFileTheBandingRewriteCannotParseStillGetsOnnxRuntimesClearError() throws Exception {
    // A protobuf-looking header (ModelProto.graph, length far past the end), then noise: the
    // rewrite gives up, and loading the file itself reports what is wrong.
    byte[] bytes = new byte[4096];
    new java.util.Random(5).nextBytes(bytes);
    bytes[0] = 0x3A;
    bytes[1] = (byte) 0xFF;
    bytes[2] = (byte) 0xFF;
    bytes[3] = 0x7F;
    Path file = java.nio.file.Files.write(folder.resolve("noise.onnx"), bytes);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ModelSession.createBanded("noise", file, SessionConfig.defaults().withThreads(1)))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("model 'noise': " + file + " is not a model ONNX Runtime can load")
        .hasMessageNotContaining("loupe-noise-");
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.filter(f -> f.getFileName().toString().startsWith("loupe-noise-"))).isEmpty();
    }
  }

  private static double maxDeviation(float[] values, double expected) {
    double max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v - expected));
    }
    return max;
  }

  private static float[] run(ModelSession session, float value) {
    float[] data = new float[3 * 32 * 32];
    java.util.Arrays.fill(data, value);
    try (OnnxTensor input = Tensors.create(TensorType.FLOAT32, data, new long[] {1, 3, 32, 32})) {
      return session.run(Map.of("input", input), out -> Tensors.read("tiny-isnet", out, 32 * 32));
    }
  }
}
