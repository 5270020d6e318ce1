// SPDX-License-Identifier: Apache-2.0
package loupe.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The floor of a panel round trip: the same bytes up and down a plain loopback TCP socket, no
 * HTTP, no framing, no pixel conversion. One call sends {@code upload} to a peer thread, which
 * reads it all and answers with {@code downloadBytes} bytes.
 */
final class LoopbackFloor {
  private static final int CHUNK = 1 << 20;

  private LoopbackFloor() {}

  static void transfer(byte[] upload, long downloadBytes) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> serve(server, upload.length, downloadBytes), "loopback-floor");
      peer.start();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < upload.length; i += CHUNK) {
          out.write(upload, i, Math.min(CHUNK, upload.length - i));
        }
        out.flush();
        if (drain(s.getInputStream()) != downloadBytes) {
          throw new IOException("loopback floor: short download");
        }
      }
      peer.join();
    }
  }

  private static void serve(ServerSocket server, long uploadBytes, long downloadBytes) {
    try (Socket s = server.accept()) {
      InputStream in = s.getInputStream();
      byte[] buf = new byte[CHUNK];
      long got = 0;
      while (got < uploadBytes) {
        int n = in.read(buf);
        if (n < 0) {
          throw new IOException("loopback floor: short upload");
        }
        got += n;
      }
      OutputStream out = s.getOutputStream();
      for (long sent = 0; sent < downloadBytes; sent += CHUNK) {
        out.write(buf, 0, (int) Math.min(CHUNK, downloadBytes - sent));
      }
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buf = new byte[CHUNK];
    long total = 0;
    for (int n; (n = in.read(buf)) >= 0; ) {
      total += n;
    }
    return total;
  }
}
