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
      throw new UserError(403, "Host '" + host + "' is not this machine's loopback address; Loupe only answers "
          + "requests for 127.0.0.1:" + p);
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origins.contains(origin) && !origin.startsWith("uxp://") && !origin.startsWith("plugin:")) {
      throw new UserError(403, "Origin '" + origin + "' may not use Loupe; only the Loupe panel may");
    }
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && !hasToken(ctx)) {
      UserError refusal = new UserError(401, "missing or wrong token: copy the token 'loupe serve' printed into the "
          + "panel's settings");
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
