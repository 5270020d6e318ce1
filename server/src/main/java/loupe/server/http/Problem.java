// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

/** An RFC 9457 problem body: the one error shape every endpoint returns. */
public record Problem(String type, String title, int status, String detail) {
  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail);
  }
}
