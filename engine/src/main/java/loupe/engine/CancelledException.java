// SPDX-License-Identifier: Apache-2.0
package loupe.engine;

/** Thrown by an op that noticed its job was cancelled. */
public final class CancelledException extends RuntimeException {
  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
