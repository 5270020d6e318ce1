// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

/** A job would have changed protected jewelry pixels; it fails instead of returning a result. */
public final class FidelityViolationException extends RuntimeException {
  public FidelityViolationException(String message) {
    super(message);
  }
}
