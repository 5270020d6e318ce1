// SPDX-License-Identifier: Apache-2.0
package loupe.server.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
      throw new UserError("the frame header is not valid JSON" + (e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
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
    byte[] head = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    long total = 4L + head.length;
    for (byte[] b : buffers) {
      total += b.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(total));
    out.write(head.length >>> 24);
    out.write(head.length >>> 16);
    out.write(head.length >>> 8);
    out.write(head.length);
    out.write(head);
    for (byte[] b : buffers) {
      out.write(b);
    }
    return out.toByteArray();
  }
}
