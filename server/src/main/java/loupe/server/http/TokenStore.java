// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import loupe.psd.AtomicFiles;
import loupe.server.UserError;

/** The bearer token: created once with 128 random bits, kept in a file only the user can read. */
public final class TokenStore {
  private TokenStore() {}

  public static String loadOrCreate(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new UserError(file + ": is a folder; the token file must be a file (or leave --token-file out)");
    }
    if (Files.exists(file)) {
      String token = Files.readString(file).trim();
      if (!token.isEmpty()) {
        return token;
      }
    }
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, tmp -> Files.writeString(tmp, token + "\n"));
    return token;
  }
}
