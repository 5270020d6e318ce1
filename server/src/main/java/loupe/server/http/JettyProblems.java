// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a route sees the request (a path with %00 in it, a malformed
 * header), or after a failure no route caught: the same problem+json body as every other error,
 * not Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
  private final ObjectMapper json;

  JettyProblems(ObjectMapper json) {
    this.json = json;
  }

  /** Jetty writes error bodies only for GET, POST and HEAD; the panel's token check is a DELETE. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    // Jetty's own message for a bad message ("Ambiguous URI empty segment"); with a cause, Jetty passes
    // the exception's toString, which is Java, so the standard reason phrase stands in for it.
    String reason = cause == null && message != null && !message.isBlank() ? message : HttpStatus.getMessage(code);
    String detail = code >= 500 ? "Loupe could not answer this request (" + reason + "); the server's console has "
        + "the details" : "the HTTP request is malformed (" + reason + "); check its URL and headers";
    Problem p = Problem.of(code, ErrorMapping.title(code), detail);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(p.toJson(json)), callback);
  }
}
