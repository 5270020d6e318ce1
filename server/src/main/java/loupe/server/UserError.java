// SPDX-License-Identifier: Apache-2.0
package loupe.server;

import java.nio.file.Path;

/**
 * A problem with the user's input (a file, an option, a request) that the message fully explains.
 * The CLI prints it on one line; the HTTP API maps it to a 4xx problem.
 */
public class UserError extends RuntimeException {
  private final int status;

  public UserError(String message) {
    this(400, message);
  }

  public UserError(int status, String message) {
    super(message);
    this.status = status;
  }

  /**
   * The engine refuses what it cannot work on (a 1×1 picture) with an UnsuitableInputException,
   * and a device can fail a read, neither naming the file; for the user it is bad input like any other.
   */
  public static UserError about(Path file, Exception cause) {
    UserError named = new UserError(file + ": " + cause.getMessage());
    named.initCause(cause);
    return named;
  }

  public int status() {
    return status;
  }
}
