// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.IntSupplier;
import loupe.server.UserError;

/**
 * The server's front door: a request must name a loopback host with our port (so a web page that
 * re-binds its DNS name to 127.0.0.1 is refused), come from no browser origin or the panel's, and
 * carry the token when it changes anything.
 */
public final class RequestGuard {
  private final IntSupplier port;
  /**
   * A refused body is read to its end (so the client sees the 401, not a reset) only when it is this
   * small: the panel's handshake is; a job sent with a wrong token gets its answer and a closed
   * connection.
   */
  static final long UNAUTHENTICATED_DRAIN = 1 << 20;
  private final byte[] token;

  /** @param port the port actually bound (known only after start when 0 was asked for) */
  public RequestGuard(IntSupplier port, String token) {
    this.port = port;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  public void check(Context ctx) {
    int p = port.getAsInt();
    Set<String> hosts = Set.of("127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p);
    Set<String> origins = Set.of("null", "http://127.0.0.1:" + p, "http://localhost:" + p);
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(host.toLowerCase())) {
      throw new UserError(403, (host == null ? "the request names no Host" : "Host '" + host + "' is not this server")
          + " (127.0.0.1, localhost or [::1], port " + p + "); Loupe only answers requests for 127.0.0.1:" + p);
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origins.contains(origin) && !origin.startsWith("uxp://") && !origin.startsWith("plugin:")) {
      throw new UserError(403, "Origin '" + origin + "' may not use Loupe; only the Loupe panel may");
    }
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && !hasToken(ctx)) {
      UserError refusal = new UserError(401, "missing or wrong token: copy the token 'loupe serve' printed into the "
          + "panel's settings");
      long declared = ctx.req().getContentLengthLong();
      if (declared < 0 || declared > UNAUTHENTICATED_DRAIN) {
        // Not read for a client that has not shown the token: slow or huge bodies would tie up the server.
        ctx.header("Connection", "close");
        throw refusal;
      }
      try {
        throw RefusedBody.drain(ctx.req().getInputStream(), refusal);
      } catch (IOException e) {
        throw refusal;
      }
    }
  }

  private boolean hasToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }
}
