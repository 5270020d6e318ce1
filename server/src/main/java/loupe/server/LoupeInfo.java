// SPDX-License-Identifier: Apache-2.0
package loupe.server;

/** Name, version and protocol level the server announces in its handshake. */
public final class LoupeInfo {
  public static final String NAME = "loupe";
  public static final String VERSION = "0.1.0";
  /** Bumped on any incompatible change to docs/protocol.md; the panel refuses a mismatch. */
  public static final int PROTOCOL = 1;
  public static final int DEFAULT_PORT = 8765;

  private LoupeInfo() {}
}
