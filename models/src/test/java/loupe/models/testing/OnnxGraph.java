// SPDX-License-Identifier: Apache-2.0
package loupe.models.testing;

import java.util.ArrayList;
import java.util.List;
import loupe.models.onnx.ProtoWriter;

/**
 * A tiny ONNX model builder over {@link ProtoWriter}, with field numbers from onnx/onnx.proto
 * (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto).
 * Only what the test fixtures use: float scalar initializers, INT/INTS attributes, tensor inputs
 * and outputs with fixed or symbolic dimensions.
 */
public final class OnnxGraph {
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT32 = 6;
  private static final int IR_VERSION = 7;
  private static final int OPSET = 13;

  private final String name;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();

  public OnnxGraph(String name) {
    this.name = name;
  }

  /** A graph input; each dim is a Long (fixed) or a String (symbolic). */
  public OnnxGraph input(String tensor, int elemType, Object... dims) {
    inputs.add(valueInfo(tensor, elemType, dims));
    return this;
  }

  public OnnxGraph output(String tensor, int elemType, Object... dims) {
    outputs.add(valueInfo(tensor, elemType, dims));
    return this;
  }

  OnnxGraph scalar(String tensor, float value) {
    initializers.add(new ProtoWriter().varint(2, FLOAT).float32(4, value).string(8, tensor));
    return this;
  }

  /** An initializer of any element type: its dims and its little-endian raw data. */
  public OnnxGraph tensor(String tensor, int elemType, long[] dims, byte[] raw) {
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.varint(1, d);
    }
    initializers.add(t.varint(2, elemType).string(8, tensor).bytes(9, raw));
    return this;
  }

  /** A node; attributes are name/value pairs, the value an Integer (INT) or a long[] (INTS). */
  public OnnxGraph node(String op, String[] in, String out, Object... attributes) {
    return node(op, in, new String[] {out}, attributes);
  }

  /** A node with several outputs. */
  public OnnxGraph node(String op, String[] in, String[] out, Object... attributes) {
    ProtoWriter n = new ProtoWriter();
    for (String i : in) {
      n.string(1, i);
    }
    for (String o : out) {
      n.string(2, o);
    }
    n.string(3, out[0] + "_" + op).string(4, op);
    for (int a = 0; a < attributes.length; a += 2) {
      ProtoWriter attr = new ProtoWriter().string(1, (String) attributes[a]);
      if (attributes[a + 1] instanceof long[] ints) {
        for (long v : ints) {
          attr.varint(8, v);
        }
        attr.varint(20, 7);
      } else {
        attr.varint(3, (Integer) attributes[a + 1]).varint(20, 2);
      }
      n.message(5, attr);
    }
    nodes.add(n);
    return this;
  }

  public byte[] toModel() {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, name);
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(v -> graph.message(11, v));
    outputs.forEach(v -> graph.message(12, v));
    return new ProtoWriter().varint(1, IR_VERSION).string(2, "loupe-test-fixtures").string(3, "1")
        .message(7, graph).message(8, new ProtoWriter().string(1, "").varint(2, OPSET)).toByteArray();
  }

  private static ProtoWriter valueInfo(String tensor, int elemType, Object... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : dims) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof String symbol) {
        dim.string(2, symbol);
      } else {
        dim.varint(1, ((Number) d).longValue());
      }
      shape.message(1, dim);
    }
    ProtoWriter tensorType = new ProtoWriter().varint(1, elemType).message(2, shape);
    return new ProtoWriter().string(1, tensor).message(2, new ProtoWriter().message(1, tensorType));
  }
}
