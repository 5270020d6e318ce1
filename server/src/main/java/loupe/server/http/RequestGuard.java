// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import loupe.server.UserError;

/**
 * The server's front door: a request must name a loopback host (or the address of a bind chosen
 * with --allow-remote) with our port (so a web page that re-binds its DNS name to 127.0.0.1 is
 * refused), come from no browser origin or the panel's, and
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

  /** Host names besides the loopback ones that name this server: those of a bind chosen with --allow-remote. */
  private final Set<String> remoteNames;

  /**
   * @param bindHost the address the server listens on
   * @param port the port actually bound (known only after start when 0 was asked for)
   */
  public RequestGuard(String bindHost, IntSupplier port, String token) {
    this.remoteNames = remoteNames(bindHost);
    this.port = port;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The names Loupe accepts without --allow-remote. */
  public static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
  }

  /** How a client names a remote bind in its Host header: the address itself, or every interface's for a wildcard. */
  private static Set<String> remoteNames(String bindHost) {
    if (isLoopback(bindHost)) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    try {
      InetAddress bound = InetAddress.getByName(bindHost);
      if (!bound.isAnyLocalAddress()) {
        names.add(bindHost.toLowerCase(Locale.ROOT));
        names.add(uriHost(bound));
        return Set.copyOf(names);
      }
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (!(a instanceof Inet6Address) || !a.isLinkLocalAddress()) {
            names.add(uriHost(a));
          }
        }
      }
      names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      // An address that cannot be resolved or listed: the bind itself fails (or answers only on loopback names).
    }
    return Set.copyOf(names);
  }

  private static String uriHost(InetAddress a) {
    return a instanceof Inet6Address ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]" : a.getHostAddress();
  }

  public void check(Context ctx) {
    int p = port.getAsInt();
    Set<String> hosts = new HashSet<>(Set.of("127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p));
    remoteNames.forEach(name -> hosts.add(name + ":" + p));
    Set<String> origins = new HashSet<>(Set.of("null"));
    hosts.forEach(h -> origins.add("http://" + h));
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
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
