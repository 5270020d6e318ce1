// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import loupe.server.UserError;

/** Counts bytes read from a request body and refuses with 413 past the limit (streams are not capped by Javalin). */
final class LimitedInputStream extends FilterInputStream {
  /** Set on the request once its body is read from (a client that asked to "Expect: 100-continue" is sending). */
  static final String READ = "loupe.body.read";
  private final Context ctx;
  private final long limit;
  private long count;
  private boolean marked;

  private LimitedInputStream(Context ctx, long limit) {
    super(ctx.bodyInputStream());
    this.ctx = ctx;
    this.limit = limit;
  }

  /** The refusal of a body over the upload limit: unlike other refusals, its body is not read to the end. */
  static final class TooLarge extends UserError {
    TooLarge(long limit) {
      super(413, "request body exceeds the server's limit of " + limit + " bytes");
    }
  }

  /**
   * The request's body, counted. A body whose declared length is over the limit is refused at once
   * and the connection closed, rather than read up to the limit first (gigabytes, for nothing).
   */
  static InputStream of(Context ctx, long limit) {
    if (ctx.req().getContentLengthLong() > limit) {
      ctx.header("Connection", "close");
      throw new TooLarge(limit);
    }
    return new LimitedInputStream(ctx, limit);
  }

  @Override
  public int read() throws IOException {
    markRead();
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    markRead();
    int n = super.read(buffer, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void markRead() {
    if (!marked) {
      ctx.attribute(READ, Boolean.TRUE);
      marked = true;
    }
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw new TooLarge(limit);
    }
  }
}
