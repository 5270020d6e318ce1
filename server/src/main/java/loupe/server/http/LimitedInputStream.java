// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import loupe.server.UserError;

/** Counts bytes read from a request body and refuses with 413 past the limit (streams are not capped by Javalin). */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  private LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * The request's body, counted. A body whose declared length is over the limit is refused at once
   * and the connection closed, rather than read up to the limit first (gigabytes, for nothing).
   */
  static InputStream of(Context ctx, long limit) {
    if (ctx.req().getContentLengthLong() > limit) {
      ctx.header("Connection", "close");
      throw tooLarge(limit);
    }
    return new LimitedInputStream(ctx.bodyInputStream(), limit);
  }

  private static UserError tooLarge(long limit) {
    return new UserError(413, "request body exceeds the server's limit of " + limit + " bytes");
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    int n = super.read(buffer, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge(limit);
    }
  }
}
