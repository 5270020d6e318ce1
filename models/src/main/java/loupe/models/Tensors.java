// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Float arrays to and from ORT tensors of the element types Loupe supports (direct buffers, no extra copy in ORT). */
public final class Tensors {
  private Tensors() {}

  /** A tensor of {@code type} holding {@code values} (uint8: rounded and clamped to 0..255). Close it after the run. */
  public static OnnxTensor create(TensorType type, float[] values, long[] shape) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      if (type == TensorType.FLOAT32) {
        FloatBuffer fb = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
            .asFloatBuffer();
        fb.put(values).rewind();
        return OnnxTensor.createTensor(env, fb, shape);
      }
      ByteBuffer bb = ByteBuffer.allocateDirect(values.length);
      for (float v : values) {
        bb.put((byte) Math.max(0, Math.min(255, Math.round(v))));
      }
      bb.rewind();
      return OnnxTensor.createTensor(env, bb, shape, OnnxJavaType.UINT8);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot create a " + type.label() + " tensor: " + e.getMessage(), e);
    }
  }

  /** The values of a float32 or uint8 tensor; {@code expected} guards against a wrongly shaped output. */
  public static float[] read(String modelId, OnnxTensor tensor, int expected) {
    float[] out = new float[expected];
    OnnxJavaType type = tensor.getInfo().type;
    if (type == OnnxJavaType.FLOAT) {
      FloatBuffer fb = tensor.getFloatBuffer();
      check(modelId, fb.remaining(), expected);
      fb.get(out);
      // NaN would become 0 downstream: black fills, or a mask that drops jewelry from the protection.
      for (int i = 0; i < expected; i++) {
        if (!Float.isFinite(out[i])) {
          throw new ModelException(modelId, "output value " + i + " is " + out[i] + ": the model computed no usable "
              + "result (a broken export?)");
        }
      }
    } else if (type == OnnxJavaType.UINT8) {
      ByteBuffer bb = tensor.getByteBuffer();
      check(modelId, bb.remaining(), expected);
      for (int i = 0; i < expected; i++) {
        out[i] = bb.get() & 0xFF;
      }
    } else {
      throw new ModelException(modelId, "output type " + type + " is not supported (float32 or uint8)");
    }
    return out;
  }

  private static void check(String modelId, int actual, int expected) {
    if (actual != expected) {
      throw new ModelException(modelId, "output has " + actual + " values, expected " + expected);
    }
  }
}
