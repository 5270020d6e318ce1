// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import loupe.engine.recipe.FidelityViolationException;
import loupe.server.UserError;

/**
 * Turns any exception into the one problem shape. Known user-facing failures keep their message;
 * anything else becomes a 500 whose detail names the failure without a stack trace.
 */
public final class ErrorMapping {
  private ErrorMapping() {}

  /**
   * The failure of an accepted job's work. Its request was parsed and checked before the job was
   * accepted, so an IllegalArgumentException here is an invariant broken inside Loupe (an engine
   * op given images of different sizes, say): a 500, not the client's 400.
   */
  public static Problem jobProblem(Throwable e) {
    return e instanceof IllegalArgumentException ? internal(e) : toProblem(e);
  }

  /** A failure while handling a request: an IllegalArgumentException there is the request's fault (400). */
  public static Problem toProblem(Throwable e) {
    if (e instanceof UserError u) {
      return Problem.of(u.status(), title(u.status()), u.getMessage());
    }
    if (e instanceof FidelityViolationException f) {
      return Problem.of(500, "Fidelity guard stopped the job", f.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return Problem.of(400, title(400), e.getMessage());
    }
    if (e instanceof OutOfMemoryError) {
      return Problem.of(503, title(503), "not enough memory for this job; close other jobs or raise -Xmx");
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return toProblem(u.getCause());
    }
    if (e instanceof IOException) {
      // PsdFormatException and friends are IOExceptions whose messages name file, section and offset.
      return Problem.of(422, "Unreadable input", e.getMessage());
    }
    return internal(e);
  }

  private static Problem internal(Throwable e) {
    return Problem.of(500, title(500), "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage());
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Not authorised";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 413 -> "Too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable input";
      case 429 -> "Busy";
      case 500 -> "Internal error";
      case 503 -> "Unavailable";
      default -> "Error";
    };
  }
}
