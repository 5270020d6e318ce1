// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

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

  static InputStream of(InputStream in, long limit) {
    return new LimitedInputStream(in, limit);
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
      throw new UserError(413, "request body exceeds the server's limit of " + limit + " bytes");
    }
  }
}
