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
  /** Set on a request the guard let through: only such a request's refused body is read to its end. */
  static final String PASSED = "loupe.guard.passed";
  private final byte[] token;

  /**
   * The names a Host header may give this server, canonical ({@link #canonical}): the loopback ones,
   * and those of a bind chosen with --allow-remote.
   */
  private final Set<String> names;

  /**
   * @param bindHost the address the server listens on
   * @param port the port actually bound (known only after start when 0 was asked for)
   */
  public RequestGuard(String bindHost, IntSupplier port, String token) {
    Set<String> all = new HashSet<>(Set.of("127.0.0.1", "localhost", canonical("[::1]")));
    all.addAll(remoteNames(bindHost));
    this.names = Set.copyOf(all);
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

  /** An address as a URI writes it, IPv6 in brackets, in Java's full form (no zone): what {@link #canonical} gives. */
  private static String uriHost(InetAddress a) {
    return a instanceof Inet6Address ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]" : a.getHostAddress();
  }

  /**
   * A Host name compared as an address where it is one: {@code [2001:db8::5]} and {@code
   * [2001:DB8:0:0:0:0:0:5]} are one IPv6 literal. Only bracketed literals are parsed, so no Host a
   * client sends is ever looked up in DNS; other names compare in lower case.
   */
  static String canonical(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.length() > 2 && lower.startsWith("[") && lower.endsWith("]")
        && lower.substring(1, lower.length() - 1).matches("[0-9a-f:.]+")) {
      try {
        return uriHost(InetAddress.getByName(lower.substring(1, lower.length() - 1)));
      } catch (IOException e) {
        return lower; // not a valid literal: it matches no name of ours
      }
    }
    return lower;
  }

  /** Whether {@code authority} ("host:port" of a Host header or an Origin) names this server at port {@code p}. */
  private boolean isThisServer(String authority, int p) {
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.indexOf(']', colon) >= 0) {
      return false; // no port: Loupe never runs on a scheme's default port
    }
    return authority.substring(colon + 1).equals(Integer.toString(p))
        && names.contains(canonical(authority.substring(0, colon)));
  }

  public void check(Context ctx) {
    int p = port.getAsInt();
    String host = ctx.header("Host");
    if (host == null || !isThisServer(host, p)) {
      throw new UserError(403, (host == null ? "the request names no Host" : "Host '" + host + "' is not this server")
          + " (127.0.0.1, localhost or [::1], port " + p
          + (names.size() > 3 ? ", or the address it was started on" : "")
          + "); Loupe answers only requests that name it");
    }
    String origin = ctx.header("Origin");
    boolean ours = origin != null && origin.startsWith("http://") && isThisServer(origin.substring(7), p);
    if (origin != null && !origin.equals("null") && !ours && !origin.startsWith("uxp://")
        && !origin.startsWith("plugin:")) {
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
      RefusedBody.discard(ctx);
      throw refusal;
    }
    ctx.attribute(PASSED, Boolean.TRUE);
  }

  private boolean hasToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8));
  }
}
