// SPDX-License-Identifier: Apache-2.0
package loupe.models.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.models.onnx.ProtoFields.Field;

/**
 * Splits a dynamic-quantised model's large {@code ConvInteger} nodes into bands of output rows, to
 * bound ONNX Runtime's peak memory. Its CPU {@code ConvInteger} builds the whole im2col matrix
 * (C·kh·kw bytes per output pixel: 288 MB for ISNet's 128-channel 3×3 convolution at 512²) before
 * one GEMM. Each band is Slice (the rows the band reads) → {@code ConvInteger} with the top and
 * bottom pads adjusted → Concat on the height axis. The sums are integer, so the output is
 * bit-identical. Only stride-1, ungrouped 2-D convolutions whose input shape the model declares
 * (directly, or on the input of the {@code DynamicQuantizeLinear} that feeds them) are split. A
 * model with {@code ConvInteger} has opset ≥ 10, so Slice takes its bounds as inputs.
 *
 * <p>Field numbers from onnx/onnx.proto: ModelProto.graph 7, opset_import 8; GraphProto.node 1,
 * initializer 5, input 11, output 12, value_info 13; NodeProto input 1, output 2, name 3, op_type
 * 4, attribute 5, domain 7; AttributeProto name 1, i 3, s 4, ints 8, type 20; TensorProto dims 1,
 * data_type 2, name 8, raw_data 9; ValueInfoProto name 1, type 2 → tensor_type 1 → shape 2 → dim 1
 * → dim_value 1.
 */
public final class ConvIntegerBands {
  private static final int INT64 = 7;
  private static final int ATTR_INT = 2;
  private static final int ATTR_INTS = 7;

  private ConvIntegerBands() {}

  /**
   * Writes {@code model} with its large convolutions banded to {@code out}.
   *
   * @param maxIm2colBytes a convolution whose im2col matrix is larger is split into bands below it
   * @return how many convolutions were split; 0 means nothing was written
   */
  public static int write(Path model, long maxIm2colBytes, Path out) throws IOException {
    try (FileChannel in = FileChannel.open(model, StandardOpenOption.READ)) {
      ProtoFields p = ProtoFields.of(in);
      Field graph = null;
      for (Field f : p.fields(0, p.length())) {
        if (f.number() == 7) {
          graph = f;
        }
      }
      if (graph == null) {
        throw new IllegalArgumentException(model + ": no graph (ModelProto field 7)");
      }
      Plan plan = plan(p, graph, maxIm2colBytes);
      if (plan.replaced.isEmpty()) {
        return 0;
      }
      long content = graph.end() - graph.valueStart() + plan.added.length;
      for (Map.Entry<Long, byte[]> r : plan.replaced.entrySet()) {
        content += r.getValue().length - plan.sizes.get(r.getKey());
      }
      try (FileChannel o = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        copy(in, 0, graph.start(), o);
        write(o, ProtoWriter.varintBytes(7L << 3 | 2));
        write(o, ProtoWriter.varintBytes(content));
        for (Field f : p.fields(graph)) {
          byte[] replacement = plan.replaced.get(f.start());
          if (replacement != null) {
            write(o, replacement);
          } else {
            copy(in, f.start(), f.end(), o);
          }
        }
        write(o, plan.added);
        copy(in, graph.end(), p.length(), o);
      }
      return plan.replaced.size();
    }
  }

  /** Node fields to replace (by start offset, with their sizes) and initializer fields to add. */
  private record Plan(Map<Long, byte[]> replaced, Map<Long, Long> sizes, byte[] added) {}

  private static Plan plan(ProtoFields p, Field graph, long maxIm2colBytes) {
    Map<String, long[]> shapes = new HashMap<>();
    Map<String, long[]> weights = new HashMap<>();
    Map<String, String> quantisedFrom = new HashMap<>();
    List<Field> nodes = new ArrayList<>();
    for (Field f : p.fields(graph)) {
      switch (f.number()) {
        case 1 -> nodes.add(f);
        case 5 -> initializerDims(p, f, weights);
        case 11, 12, 13 -> shape(p, f, shapes);
        default -> { }
      }
    }
    List<Node> parsed = new ArrayList<>();
    for (Field f : nodes) {
      Node n = Node.parse(p, f);
      parsed.add(n);
      if (n.op.equals("DynamicQuantizeLinear") && n.domain.isEmpty() && !n.inputs.isEmpty() && !n.outputs.isEmpty()) {
        quantisedFrom.put(n.outputs.get(0), n.inputs.get(0));
      }
    }
    Map<Long, byte[]> replaced = new HashMap<>();
    Map<Long, Long> sizes = new HashMap<>();
    ProtoWriter added = new ProtoWriter();
    for (Node n : parsed) {
      if (!n.op.equals("ConvInteger") || !n.domain.isEmpty() || n.inputs.size() < 2 || n.outputs.size() != 1) {
        continue;
      }
      long[] x = shapes.get(quantisedFrom.getOrDefault(n.inputs.get(0), n.inputs.get(0)));
      long[] w = weights.get(n.inputs.get(1));
      byte[] bands = x == null || w == null ? null : bands(p, n, x, w, maxIm2colBytes, added);
      if (bands != null) {
        replaced.put(n.field.start(), bands);
        sizes.put(n.field.start(), n.field.size());
      }
    }
    return new Plan(replaced, sizes, added.toByteArray());
  }

  /** The replacement node fields for {@code n}, or null when it stays whole. */
  private static byte[] bands(ProtoFields p, Node n, long[] x, long[] w, long maxIm2colBytes, ProtoWriter added) {
    if (x.length != 4 || w.length != 4 || n.ints("group", 1) != 1 || !n.string("auto_pad", "NOTSET").equals("NOTSET")
        || n.list("strides", 1, 1)[0] != 1 || n.list("strides", 1, 1)[1] != 1) {
      return null;
    }
    long[] pads = n.list("pads", 0, 0, 0, 0);
    long[] dil = n.list("dilations", 1, 1);
    if (pads.length != 4 || dil.length != 2) {
      return null;
    }
    long kh = w[2];
    long reachH = dil[0] * (kh - 1);
    long outH = x[2] + pads[0] + pads[2] - reachH;
    long outW = x[3] + pads[1] + pads[3] - dil[1] * (w[3] - 1);
    long im2col = x[1] * kh * w[3] * outH * outW;
    if (outH < 2 || im2col <= maxIm2colBytes) {
      return null;
    }
    int k = (int) Math.min(outH, (im2col + maxIm2colBytes - 1) / maxIm2colBytes);
    String base = n.outputs.get(0) + "::band";
    String axes = base + "/axes";
    added.message(5, int64(axes, 2));
    ProtoWriter out = new ProtoWriter();
    ProtoWriter concat = new ProtoWriter();
    for (int i = 0; i < k; i++) {
      long r0 = outH * i / k;
      long r1 = outH * (i + 1) / k;
      long s0 = Math.max(0, r0 - pads[0]);
      long s1 = Math.min(x[2], r1 - pads[0] + reachH);
      if (s1 <= s0) {
        return null;
      }
      String band = base + i;
      added.message(5, int64(band + "/starts", s0)).message(5, int64(band + "/ends", s1));
      out.message(1, new ProtoWriter().string(1, n.inputs.get(0)).string(1, band + "/starts")
          .string(1, band + "/ends").string(1, axes).string(2, band + "/rows").string(3, band + "/slice")
          .string(4, "Slice"));
      ProtoWriter conv = new ProtoWriter().string(1, band + "/rows");
      n.inputs.subList(1, n.inputs.size()).forEach(in -> conv.string(1, in));
      conv.string(2, band).string(3, band + "/conv").string(4, "ConvInteger");
      for (Field a : n.attributes) {
        if (!n.attributeName(a).equals("pads")) {
          conv.fields(p.bytes(a.start(), a.end()));
        }
      }
      long top = s0 - (r0 - pads[0]);
      long bottom = r1 - pads[0] + reachH - s1;
      ProtoWriter padAttr = new ProtoWriter().string(1, "pads");
      for (long v : new long[] {top, pads[1], bottom, pads[3]}) {
        padAttr.varint(8, v);
      }
      out.message(1, conv.message(5, padAttr.varint(20, ATTR_INTS)));
      concat.string(1, band);
    }
    concat.string(2, n.outputs.get(0)).string(3, base + "/concat").string(4, "Concat")
        .message(5, new ProtoWriter().string(1, "axis").varint(3, 2).varint(20, ATTR_INT));
    return out.message(1, concat).toByteArray();
  }

  /** A 1-element int64 initializer. */
  private static ProtoWriter int64(String name, long value) {
    byte[] raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    return new ProtoWriter().varint(1, 1).varint(2, INT64).string(8, name).bytes(9, raw);
  }

  private static void initializerDims(ProtoFields p, Field tensor, Map<String, long[]> out) {
    List<Long> dims = new ArrayList<>();
    String name = null;
    for (Field f : p.fields(tensor)) {
      if (f.number() == 1) {
        dims.addAll(p.varints(f));
      } else if (f.number() == 8) {
        name = p.string(f);
      }
    }
    if (name != null) {
      out.put(name, dims.stream().mapToLong(Long::longValue).toArray());
    }
  }

  /** A ValueInfoProto's tensor shape, when every dimension is a fixed value. */
  private static void shape(ProtoFields p, Field valueInfo, Map<String, long[]> out) {
    String name = null;
    List<Long> dims = new ArrayList<>();
    boolean known = false;
    for (Field f : p.fields(valueInfo)) {
      if (f.number() == 1) {
        name = p.string(f);
      } else if (f.number() == 2) {
        for (Field tensorType : sub(p, f, 1)) {
          for (Field shape : sub(p, tensorType, 2)) {
            known = true;
            for (Field dim : sub(p, shape, 1)) {
              List<Field> value = sub(p, dim, 1);
              if (value.isEmpty()) {
                known = false;
              } else {
                dims.add(value.get(0).varint());
              }
            }
          }
        }
      }
    }
    if (name != null && known) {
      out.put(name, dims.stream().mapToLong(Long::longValue).toArray());
    }
  }

  private static List<Field> sub(ProtoFields p, Field message, int number) {
    return p.fields(message).stream().filter(f -> f.number() == number).toList();
  }

  private static void write(FileChannel out, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
    for (long pos = from; pos < to; ) {
      pos += in.transferTo(pos, to - pos, out);
    }
  }

  /** The parts of a NodeProto the split needs. */
  private record Node(Field field, String op, String domain, List<String> inputs, List<String> outputs,
      List<Field> attributes, Map<String, Field> byName, ProtoFields p) {
    static Node parse(ProtoFields p, Field f) {
      String op = "";
      String domain = "";
      List<String> inputs = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      List<Field> attributes = new ArrayList<>();
      Map<String, Field> byName = new HashMap<>();
      for (Field g : p.fields(f)) {
        switch (g.number()) {
          case 1 -> inputs.add(p.string(g));
          case 2 -> outputs.add(p.string(g));
          case 4 -> op = p.string(g);
          case 5 -> attributes.add(g);
          case 7 -> domain = p.string(g);
          default -> { }
        }
      }
      Node n = new Node(f, op, domain, inputs, outputs, attributes, byName, p);
      if (op.equals("ConvInteger")) {
        attributes.forEach(a -> byName.put(n.attributeName(a), a));
      }
      return n;
    }

    String attributeName(Field attribute) {
      return sub(p, attribute, 1).stream().map(p::string).findFirst().orElse("");
    }

    long ints(String name, long fallback) {
      Field a = byName.get(name);
      return a == null ? fallback : sub(p, a, 3).stream().mapToLong(Field::varint).findFirst().orElse(fallback);
    }

    String string(String name, String fallback) {
      Field a = byName.get(name);
      return a == null ? fallback : sub(p, a, 4).stream().map(p::string).findFirst().orElse(fallback);
    }

    long[] list(String name, long... fallback) {
      Field a = byName.get(name);
      if (a == null) {
        return fallback;
      }
      long[] v = sub(p, a, 8).stream().flatMap(f -> p.varints(f).stream()).mapToLong(Long::longValue).toArray();
      return v.length == 0 ? fallback : v;
    }
  }
}
