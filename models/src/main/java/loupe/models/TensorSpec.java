// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.util.Arrays;
import java.util.Objects;

/**
 * One model input or output as the manifest declares it, and how pixel values map to tensor values.
 * Image and alpha values are expressed in 8-bit units u ∈ [0, 255] (a 16-bit sample s is u = s/257):
 * an input holds (u − mean)/std, an output is read back as u = value·std + mean. A hole mask holds
 * {@code hole} where the model must fill and {@code known} where it may look.
 *
 * @param shape dimensions; −1 = any size (a symbolic dimension in the model)
 */
public record TensorSpec(String name, TensorRole role, TensorType type, long[] shape, double mean, double std,
    double hole, double known) {
  public TensorSpec {
    Objects.requireNonNull(name, "tensor name");
    Objects.requireNonNull(role, "tensor role of " + name);
    Objects.requireNonNull(type, "tensor type of " + name);
    Objects.requireNonNull(shape, "tensor shape of " + name);
    if (shape.length != 4) {
      throw new IllegalArgumentException("tensor " + name + ": expected a 4-d NCHW shape, got " + Arrays.toString(shape));
    }
    if (role != TensorRole.HOLE && !(std != 0 && Double.isFinite(std))) {
      throw new IllegalArgumentException("tensor " + name + ": std must be finite and non-zero, got " + std);
    }
    if (role == TensorRole.HOLE && hole == known) {
      throw new IllegalArgumentException("tensor " + name + ": hole and known values must differ");
    }
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The tensor value for an 8-bit-unit pixel value (image inputs). */
  public float encode(double u) {
    return (float) ((u - mean) / std);
  }

  /** The 8-bit-unit pixel value for a tensor value (image and alpha outputs). */
  public double decode(double value) {
    return value * std + mean;
  }

  public String shapeText() {
    return shapeText(shape);
  }

  /** "[?,3,512,512]": a shape with its symbolic dimensions as "?". */
  static String shapeText(long[] shape) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ",").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
    }
    return s.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && name.equals(t.name) && role == t.role && type == t.type
        && Arrays.equals(shape, t.shape) && Double.compare(mean, t.mean) == 0 && Double.compare(std, t.std) == 0
        && Double.compare(hole, t.hole) == 0 && Double.compare(known, t.known) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, role, type, Arrays.hashCode(shape), mean, std, hole, known);
  }

  @Override
  public String toString() {
    return name + " " + type.label() + shapeText();
  }
}
