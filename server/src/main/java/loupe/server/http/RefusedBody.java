// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads (and drops) the rest of a refused request's body before the refusal is answered. Most
 * HTTP/1.1 clients, fetch included, send the whole body before they read the answer: a refusal
 * sent on a half-read body reaches them as a reset connection ("server not running") instead of
 * the 401 or 429 that says what to do.
 */
final class RefusedBody {
  /** A body longer than this is not read to its end: the connection closes instead. */
  static final long MAX_DRAINED = 256L << 20;

  private RefusedBody() {}

  /** Reads and drops what is left of the request's body, up to {@link #MAX_DRAINED}. */
  static void discard(Context ctx) {
    byte[] buffer = new byte[64 << 10];
    try {
      InputStream body = ctx.req().getInputStream();
      long left = MAX_DRAINED;
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The body is broken or cut off: the connection closes, the refusal stands.
    }
  }
}
