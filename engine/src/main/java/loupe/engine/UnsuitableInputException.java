// SPDX-License-Identifier: Apache-2.0
package loupe.engine;

/**
 * The picture, or the masks given with it, leaves an op nothing to work with: too small to segment,
 * no background left to fit a sweep to, no pixel left to heal from. The user's input, not a bug, so
 * callers report it as bad input (HTTP 422, CLI exit 2); other argument checks are broken invariants.
 */
public final class UnsuitableInputException extends IllegalArgumentException {
  public UnsuitableInputException(String message) {
    super(message);
  }
}
