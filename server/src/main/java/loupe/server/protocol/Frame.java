// SPDX-License-Identifier: Apache-2.0
package loupe.server.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import loupe.server.UserError;

/**
 * The binary framing of docs/protocol.md: uint32 big-endian header length, UTF-8 JSON header,
 * then raw buffers back to back. Reading is bounded: the header may be at most 1 MiB and buffers
 * are read only as far as their validated descriptors say.
 */
public final class Frame {
  public static final String MEDIA_TYPE = "application/vnd.loupe.frame";
  private static final int MAX_HEADER = 1 << 20;

  private Frame() {}

  /** Reads the header and returns it parsed as {@code type}; the stream is left at the first buffer. */
  public static <T> T readHeader(InputStream in, ObjectMapper json, Class<T> type) throws IOException {
    // readNBytes ends quietly at the body's end; a body cut short (Jetty's EofException) still throws.
    byte[] prefix = in.readNBytes(4);
    if (prefix.length == 0) {
      throw new UserError("empty body: expected a framed request (uint32 header length, JSON header, buffers)");
    }
    if (prefix.length < 4) {
      throw new UserError("body ends inside the frame's header length (" + prefix.length + " of 4 bytes)");
    }
    int length = ByteBuffer.wrap(prefix).getInt();
    if (length <= 0 || length > MAX_HEADER) {
      throw new UserError("frame header length " + Integer.toUnsignedString(length) + " is not in 1.." + MAX_HEADER
          + " (is the body framed as docs/protocol.md says?)");
    }
    byte[] header = in.readNBytes(length);
    if (header.length != length) {
      throw new UserError("body ends inside the frame header (" + header.length + " of " + length + " bytes)");
    }
    try (JsonParser parser = json.createParser(header)) {
      // A field given twice would be read as its last value: which one the sender meant is not known.
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonNode tree = json.readTree(parser);
      if (tree == null || !tree.isObject()) {
        throw new UserError("the frame header must be a JSON object, got "
            + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
      }
      if (parser.nextToken() != null) {
        throw new UserError("the frame header has more after its JSON object (from byte "
            + parser.currentTokenLocation().getByteOffset() + " of " + length
            + "): the header length must count the JSON alone");
      }
      return json.treeToValue(tree, type);
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      String at = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field ")) {
        throw new UserError("the frame header names " + e.getOriginalMessage().substring("Duplicate field ".length())
            + " twice" + at);
      }
      throw new UserError("the frame header is not valid JSON" + at);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      // Jackson's own message names Loupe's classes; the field's path is what the sender can act on.
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, c) -> c.startsWith("[") ? a + c : a + "." + c).orElse("");
      throw new UserError("the frame header's " + (field.isEmpty() ? "content" : "field '" + field + "'")
          + " has the wrong type, an unknown name or a missing value (see docs/protocol.md)");
    } catch (JsonProcessingException e) {
      throw new UserError("the frame header is not valid JSON");
    }
  }

  /** Reads exactly {@code length} bytes of one buffer, naming it if the body is short. */
  public static byte[] readBuffer(InputStream in, BufferDescriptor d) throws IOException {
    byte[] bytes = in.readNBytes(Math.toIntExact(d.byteLength()));
    if (bytes.length != d.byteLength()) {
      throw new UserError("body is truncated: buffer '" + d.role() + "' has " + bytes.length + " of " + d.byteLength() + " bytes");
    }
    return bytes;
  }

  /** A framed body: header JSON then the buffers in order. */
  public static byte[] write(ObjectMapper json, Object header, byte[]... buffers) throws IOException {
    byte[] head = head(json, header);
    long total = head.length;
    for (byte[] b : buffers) {
      total += b.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(total));
    out.write(head);
    for (byte[] b : buffers) {
      out.write(b);
    }
    return out.toByteArray();
  }

  /**
   * The same framed body read as it is encoded, one row at a time: a download of a large 16-bit
   * layer holds one row, not the layer's bytes twice over (each concurrent download did).
   */
  public static Streamed stream(ObjectMapper json, Object header, PixelCodec.EncodedRows... buffers)
      throws IOException {
    byte[] head = head(json, header);
    long length = head.length;
    for (PixelCodec.EncodedRows b : buffers) {
      length += b.byteLength();
    }
    InputStream rows = new RowStream(List.of(buffers));
    return new Streamed(length, new SequenceInputStream(new ByteArrayInputStream(head), rows));
  }

  /** A framed body to be read, and how many bytes it has (a HEAD's Content-Length). */
  public record Streamed(long length, InputStream body) {}

  /** The length prefix and the header's JSON. */
  private static byte[] head(ObjectMapper json, Object header) throws IOException {
    byte[] text = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
  }

  /** The rows of each buffer in turn, encoded when reached. */
  private static final class RowStream extends InputStream {
    private final List<PixelCodec.EncodedRows> buffers;
    private int buffer;
    private int y;
    private byte[] row = new byte[0];
    private int at;

    RowStream(List<PixelCodec.EncodedRows> buffers) {
      this.buffers = buffers;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (at == row.length && !nextRow()) {
        return -1;
      }
      int n = Math.min(len, row.length - at);
      System.arraycopy(row, at, into, off, n);
      at += n;
      return n;
    }

    private boolean nextRow() {
      while (buffer < buffers.size() && y == buffers.get(buffer).height()) {
        buffer++;
        y = 0;
      }
      if (buffer == buffers.size()) {
        return false;
      }
      PixelCodec.EncodedRows rows = buffers.get(buffer);
      if (row.length != rows.rowBytes()) {
        row = new byte[rows.rowBytes()];
      }
      rows.encode(y++, row, 0);
      at = 0;
      return true;
    }
  }
}
