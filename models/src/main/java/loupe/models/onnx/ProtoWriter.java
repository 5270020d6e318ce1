// SPDX-License-Identifier: Apache-2.0
package loupe.models.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protobuf wire format, just enough to write ONNX models: varints (wire type 0), 32-bit floats
 * (type 5) and length-delimited bytes, strings and sub-messages (type 2), each behind a tag
 * (field number · 8 + wire type). See https://protobuf.dev/programming-guides/encoding/.
 */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter varint(int field, long value) {
    tag(field, 0);
    raw(value);
    return this;
  }

  public ProtoWriter float32(int field, float value) {
    tag(field, 5);
    int bits = Float.floatToIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write(bits >>> (8 * i));
    }
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  public ProtoWriter bytes(int field, byte[] value) {
    tag(field, 2);
    raw(value.length);
    out.writeBytes(value);
    return this;
  }

  /** Fields already encoded (copied from another message). */
  public ProtoWriter fields(byte[] encoded) {
    out.writeBytes(encoded);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    raw(((long) field << 3) | wireType);
  }

  /** The bytes of a varint, as {@link #varint} writes them after the tag. */
  public static byte[] varintBytes(long value) {
    ProtoWriter w = new ProtoWriter();
    w.raw(value);
    return w.toByteArray();
  }

  private void raw(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
