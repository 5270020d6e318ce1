// SPDX-License-Identifier: Apache-2.0
package loupe.models.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a protobuf message (https://protobuf.dev/programming-guides/encoding/) from a
 * byte array or, through a small window, from a file: a model's weights are skipped by their
 * length, never read, so a 44 MB model is parsed without holding it.
 */
public final class ProtoFields {
  /** One field: its number, wire type, where it starts (at its tag), and its value's range or varint. */
  public record Field(int number, int wireType, long start, long valueStart, long end, long varint) {
    public long size() {
      return end - start;
    }
  }

  private static final int WINDOW = 1 << 16;
  private final FileChannel channel;
  private final byte[] array;
  private final long length;
  private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
  private long windowStart = -1;

  private ProtoFields(FileChannel channel, byte[] array, long length) {
    this.channel = channel;
    this.array = array;
    this.length = length;
  }

  public static ProtoFields of(FileChannel channel) throws IOException {
    return new ProtoFields(channel, null, channel.size());
  }

  public static ProtoFields of(byte[] message) {
    return new ProtoFields(null, message, message.length);
  }

  public long length() {
    return length;
  }

  /** The fields between {@code start} and {@code end} (a message's content). */
  public List<Field> fields(long start, long end) {
    List<Field> out = new ArrayList<>();
    long p = start;
    while (p < end) {
      long fieldStart = p;
      long[] tag = varint(p);
      p = tag[1];
      int number = (int) (tag[0] >>> 3);
      int type = (int) (tag[0] & 7);
      long valueStart = p;
      long value = 0;
      switch (type) {
        case 0 -> {
          long[] v = varint(p);
          value = v[0];
          p = v[1];
        }
        case 1 -> p += 8;
        case 2 -> {
          long[] len = varint(p);
          valueStart = len[1];
          p = len[1] + len[0];
        }
        case 5 -> p += 4;
        default -> throw new IllegalArgumentException("protobuf wire type " + type + " at offset " + fieldStart
            + " is not supported");
      }
      if (p > end) {
        throw new IllegalArgumentException("protobuf field " + number + " at offset " + fieldStart
            + " runs past its message (ends at " + p + ", message at " + end + ")");
      }
      out.add(new Field(number, type, fieldStart, valueStart, p, value));
    }
    return out;
  }

  /** The fields of a length-delimited field's value (a sub-message). */
  public List<Field> fields(Field message) {
    return fields(message.valueStart(), message.end());
  }

  /** The bytes from {@code start} to {@code end}. */
  public byte[] bytes(long start, long end) {
    byte[] out = new byte[Math.toIntExact(end - start)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) at(start + i);
    }
    return out;
  }

  public String string(Field f) {
    return new String(bytes(f.valueStart(), f.end()), StandardCharsets.UTF_8);
  }

  /** The values of a repeated integer field: packed (type 2) or one varint (type 0). */
  public List<Long> varints(Field f) {
    if (f.wireType() == 0) {
      return List.of(f.varint());
    }
    List<Long> out = new ArrayList<>();
    for (long p = f.valueStart(); p < f.end(); ) {
      long[] v = varint(p);
      out.add(v[0]);
      p = v[1];
    }
    return out;
  }

  /** {value, position after it}. */
  private long[] varint(long p) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= length) {
        throw new IllegalArgumentException("protobuf varint runs past the end at offset " + p);
      }
      int b = at(p++);
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return new long[] {value, p};
      }
    }
    throw new IllegalArgumentException("protobuf varint longer than 10 bytes before offset " + p);
  }

  private int at(long p) {
    if (array != null) {
      return array[(int) p] & 0xFF;
    }
    if (windowStart < 0 || p < windowStart || p >= windowStart + window.limit()) {
      try {
        window.clear();
        windowStart = p;
        while (window.hasRemaining() && channel.read(window, windowStart + window.position()) > 0) {
          // fill the window
        }
        window.flip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (window.limit() == 0) {
        throw new IllegalArgumentException("protobuf read past the end of the file at offset " + p);
      }
    }
    return window.get((int) (p - windowStart)) & 0xFF;
  }
}
