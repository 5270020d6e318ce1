// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** A model's output as Loupe reads it: a NaN or an infinity is the model's failure, never a level of 0 (review). */
class TensorsTest {
  @Test
  void non_finite_output_is_refused_naming_the_model() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor fine = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0.5f, 1f}), new long[] {2});
        OnnxTensor broken = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0.5f, Float.NaN}), new long[] {2})) {
      assertThat(Tensors.read("lama", fine, 2)).containsExactly(0.5f, 1f);
      assertThatThrownBy(() -> Tensors.read("lama", broken, 2)).isInstanceOf(ModelException.class)
          .hasMessage("model 'lama': output value 1 is NaN: the model computed no usable result (a broken export?)");
    }
  }
}
