// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ICC profile a PNG embeds (its iCCP chunk, PNG spec 11.3.3.3). The JDK's PNG decoder does not
 * give it to the colour model, so a 16-bit Adobe RGB PNG would reach Photoshop as an untagged
 * document and be shown in the working space. Read here, chunk by chunk up to the image data,
 * rather than through the decoder's metadata, which would also inflate every compressed text chunk;
 * the profile itself is inflated only up to a size no real profile reaches.
 */
final class PngIccProfile {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  /** Printer profiles with large tables reach a few MB; more is a damaged or hostile chunk. */
  private static final int MAX_PROFILE = 16 << 20;

  private PngIccProfile() {}

  /** The embedded profile's bytes, or null when there is none or it is not a profile Java can read. */
  static byte[] read(Path png) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(png))) {
      if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
        return null;
      }
      while (true) {
        long length = in.readInt() & 0xFFFFFFFFL;
        String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
        // The spec puts iCCP before the first IDAT; nothing after it can carry the profile.
        if (type.equals("IDAT") || type.equals("IEND")) {
          return null;
        }
        if (type.equals("iCCP")) {
          return length > MAX_PROFILE ? null : profile(in.readNBytes((int) length));
        }
        in.skipNBytes(length + 4); // data and CRC
      }
    } catch (EOFException truncated) {
      return null; // the decoder names a damaged file
    }
  }

  /** Name (1-79 bytes), a 0 separator, compression method 0 (deflate), the compressed profile. */
  private static byte[] profile(byte[] chunk) {
    int nul = 0;
    while (nul < chunk.length && chunk[nul] != 0) {
      nul++;
    }
    if (nul + 2 > chunk.length || chunk[nul + 1] != 0) {
      return null;
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(chunk, nul + 2, chunk.length - nul - 2);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 << 10];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return null;
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_PROFILE) {
          return null;
        }
      }
      byte[] data = out.toByteArray();
      ICC_Profile.getInstance(data); // refuses what is not a profile
      return data;
    } catch (DataFormatException | IllegalArgumentException notAProfile) {
      return null;
    } finally {
      inflater.end();
    }
  }
}
