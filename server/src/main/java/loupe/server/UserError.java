// SPDX-License-Identifier: Apache-2.0
package loupe.server;

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

  public int status() {
    return status;
  }
}
