// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `loupe models`: which optional ONNX models are installed (every feature has a model-free default). */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List optional ONNX models (Loupe works without any).")
final class ModelsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("No model registry yet: every feature uses its model-free default "
        + "(automatic mask: classical segmenter; inpainting: PatchMatch; denoise: masked guided filter).");
    return 0;
  }
}
