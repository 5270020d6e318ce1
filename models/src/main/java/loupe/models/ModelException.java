// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * A model that cannot be installed, opened or run, with a one-line message that names the model and
 * what is wrong (wrong checksum, wrong inputs/outputs, truncated file, not ONNX, missing consent).
 */
public class ModelException extends RuntimeException {
  private final String modelId;

  public ModelException(String modelId, String problem) {
    super("model '" + modelId + "': " + problem);
    this.modelId = modelId;
  }

  public ModelException(String modelId, String problem, Throwable cause) {
    super("model '" + modelId + "': " + problem, cause);
    this.modelId = modelId;
  }

  public String modelId() {
    return modelId;
  }
}
