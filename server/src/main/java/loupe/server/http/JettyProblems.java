// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a route sees the request (a path with %00 in it, a malformed
 * header): the same problem+json body as every other error, not Jetty's HTML page.
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
    String reason = message == null || message.isBlank() ? "" : " (" + message.toLowerCase(Locale.ROOT) + ")";
    Problem p = Problem.of(code, ErrorMapping.title(code), "the HTTP request is malformed" + reason
        + "; check its URL and headers");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(p.toJson(json)), callback);
  }
}
