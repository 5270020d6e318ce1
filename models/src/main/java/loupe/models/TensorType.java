// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import ai.onnxruntime.OnnxJavaType;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Element types Loupe feeds to or reads from a model. */
public enum TensorType {
  @JsonProperty("float32") FLOAT32(OnnxJavaType.FLOAT),
  @JsonProperty("uint8") UINT8(OnnxJavaType.UINT8);

  private final OnnxJavaType onnx;

  TensorType(OnnxJavaType onnx) {
    this.onnx = onnx;
  }

  public OnnxJavaType onnx() {
    return onnx;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
