// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an opened model against its manifest: every manifest input exists with the same element
 * type and a compatible shape, the model needs no other input, and the output exists. A dimension
 * is compatible when the model's is symbolic (−1) or equals the one Loupe runs it at ({@link #fed}). Extra outputs are allowed (ISNet
 * has 11 side outputs; Loupe never requests them).
 */
final class SignatureCheck {
  private SignatureCheck() {}

  static void verify(ModelManifest manifest, OrtSession session) {
    List<String> problems;
    try {
      problems = problems(manifest, session.getInputInfo(), session.getOutputInfo());
    } catch (OrtException e) {
      throw new ModelException(manifest.id(), "cannot read its inputs/outputs: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new ModelException(manifest.id(), "wrong inputs/outputs for this model: " + String.join("; ", problems));
    }
  }

  static List<String> problems(ModelManifest manifest, Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) {
    List<String> problems = new ArrayList<>();
    for (TensorSpec spec : manifest.inputs()) {
      check("input", spec, manifest.size(), inputs, problems);
    }
    for (String name : inputs.keySet()) {
      if (manifest.inputs().stream().noneMatch(s -> s.name().equals(name))) {
        problems.add("unexpected input '" + name + "' (expected only " + names(manifest.inputs()) + ")");
      }
    }
    check("output", manifest.output(), manifest.size(), outputs, problems);
    return problems;
  }

  private static void check(String kind, TensorSpec spec, SizeRule size, Map<String, NodeInfo> actual, List<String> problems) {
    NodeInfo node = actual.get(spec.name());
    if (node == null) {
      problems.add("no " + kind + " '" + spec.name() + "' (the file has " + actual.keySet() + ")");
      return;
    }
    if (!(node.getInfo() instanceof TensorInfo info)) {
      problems.add(kind + " '" + spec.name() + "' is not a tensor");
      return;
    }
    long[] shape = info.getShape();
    long[] fed = fed(spec.shape(), size);
    if (info.type != spec.type().onnx() || !compatible(fed, shape)) {
      problems.add(kind + " '" + spec.name() + "' is " + label(info) + " but must take " + spec.type().label() + TensorSpec.shapeText(fed));
    }
  }

  /**
   * The shape Loupe runs the model at: the manifest's, its symbolic batch 1 and its symbolic height
   * and width (NCHW) the model's size. A model fixed to another batch or size (an export at 256² of a
   * model Loupe runs at 512²) loads but fails at its first run, so it is refused when added.
   */
  static long[] fed(long[] manifest, SizeRule size) {
    long[] fed = manifest.clone();
    int n = fed.length;
    for (int i = 0; i < n; i++) {
      if (fed[i] < 0) {
        fed[i] = i == 0 ? 1 : n >= 4 && i == n - 2 ? size.height() : n >= 4 && i == n - 1 ? size.width() : -1;
      }
    }
    return fed;
  }

  static boolean compatible(long[] expected, long[] actual) {
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] >= 0 && actual[i] >= 0 && expected[i] != actual[i]) {
        return false;
      }
    }
    return true;
  }

  private static String label(TensorInfo info) {
    StringBuilder s = new StringBuilder(info.type.name().toLowerCase(java.util.Locale.ROOT)).append('[');
    long[] shape = info.getShape();
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ",").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
    }
    return s.append(']').toString().replace("float[", "float32[");
  }

  private static String names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList().toString();
  }
}
