// SPDX-License-Identifier: Apache-2.0
package loupe.models.install;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader for the regular files of a tar stream: POSIX ustar (name prefix), GNU long names
 * ({@code L}) and pax {@code path} records, which covers what {@code npm pack} writes. Headers are
 * 512-byte blocks with octal fields and a checksum (POSIX.1-1988 ustar; IEEE Std 1003.1).
 */
public final class TarReader {
  private static final int BLOCK = 512;

  /** Receives each regular file; {@code content} yields exactly {@code size} bytes and need not be drained. */
  @FunctionalInterface
  public interface Visitor {
    void file(String name, long size, InputStream content) throws IOException;
  }

  private TarReader() {}

  /** Reads {@code in} (an uncompressed tar stream) to its end-of-archive marker, calling {@code visitor} per file. */
  public static void read(InputStream in, Visitor visitor) throws IOException {
    byte[] header = new byte[BLOCK];
    long offset = 0;
    String longName = null;
    while (true) {
      if (!readBlock(in, header)) {
        return; // EOF at a block boundary: tolerated like GNU tar does for archives without trailer
      }
      if (isZero(header)) {
        return;
      }
      checkChecksum(header, offset);
      long size = size(header, offset);
      char type = (char) header[156];
      String name = longName != null ? longName : name(header);
      longName = null;
      offset += BLOCK;
      BoundedStream content = new BoundedStream(in, size);
      switch (type) {
        case '0', '\0', '7' -> visitor.file(name, size, content);
        case 'L' -> longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
        case 'x' -> longName = paxPath(new String(content.readAllBytes(), StandardCharsets.UTF_8));
        default -> { } // directories, links, global pax headers: nothing to extract
      }
      content.skipRest();
      long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
      skipFully(in, padded - size, offset);
      offset += padded;
    }
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("tar archive is truncated inside a header");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkChecksum(byte[] h, long offset) throws IOException {
    long stored = octal(h, 148, 8, offset, "checksum");
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
    }
    if (sum != stored) {
      throw new IOException("not a tar archive (header checksum mismatch at byte " + offset + ")");
    }
  }

  private static long size(byte[] h, long offset) throws IOException {
    if ((h[124] & 0x80) != 0) { // GNU base-256 for files of 8 GiB and more
      long v = h[124] & 0x7F;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (h[i] & 0xFF);
      }
      return v;
    }
    return octal(h, 124, 12, offset, "size");
  }

  private static long octal(byte[] h, int from, int len, long offset, String field) throws IOException {
    long v = 0;
    int i = from;
    int end = from + len;
    while (i < end && (h[i] == ' ' || h[i] == 0)) {
      i++;
    }
    for (; i < end && h[i] != 0 && h[i] != ' '; i++) {
      if (h[i] < '0' || h[i] > '7') {
        throw new IOException("not a tar archive (bad " + field + " field in the header at byte " + offset + ")");
      }
      v = v * 8 + (h[i] - '0');
    }
    return v;
  }

  private static String name(byte[] h) {
    String name = field(h, 0, 100);
    boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? field(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String field(byte[] h, int from, int len) {
    int end = from;
    while (end < from + len && h[end] != 0) {
      end++;
    }
    return new String(h, from, end - from, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  /** The {@code path} of a pax extended header ("LEN path=VALUE\n" records), or null. */
  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static void skipFully(InputStream in, long n, long offset) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("tar archive is truncated at byte " + (offset + n - left));
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** The content of one entry: at most {@code size} bytes of the archive stream, never closed through. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedStream(InputStream in, long size) {
      this.in = in;
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new EOFException("tar archive is truncated inside an entry");
      }
      left--;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("tar archive is truncated inside an entry");
      }
      left -= n;
      return n;
    }

    void skipRest() throws IOException {
      while (left > 0) {
        long skipped = in.skip(left);
        if (skipped > 0) {
          left -= skipped;
        } else {
          read();
        }
      }
    }

    @Override
    public void close() {
      // The archive stream stays open for the next entry.
    }
  }
}
