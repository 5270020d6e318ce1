// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The name a PSD job's result is downloaded under: the uploaded file's own with Loupe's extension
 * ("ring.psd" → "ring.loupe.psd"), or "document.loupe.psd" when the upload was not named. The
 * server's temp names (loupe-upload-1593….loupe.psd) mean nothing to the user.
 *
 * @param name the file name, without folders or control characters
 */
record DownloadName(String name) {
  private static final int MAX_CODE_POINTS = 200;

  /**
   * @param uploadName the client's name for the upload (?name=), possibly a path; null when not given
   * @param result the result file, whose name ends with .loupe.psd or .loupe.psb
   */
  static DownloadName of(String uploadName, Path result) {
    String resultName = result.getFileName().toString();
    String extension = resultName.substring(resultName.lastIndexOf(".loupe."));
    String stem = stemOf(uploadName == null ? "" : uploadName);
    return new DownloadName((stem.isEmpty() ? "document" : stem) + extension);
  }

  /**
   * The client's file name as it may be shown: without its folders, control characters and bidi
   * controls (a right-to-left override would show "gnp.psd" as "psd.png"; joiners, which names in
   * several scripts need, stay), with the characters Windows forbids in a name as '_', at most 200
   * code points; "" when nothing is left.
   */
  static String fileName(String uploadName) {
    String file = uploadName.substring(Math.max(uploadName.lastIndexOf('/'), uploadName.lastIndexOf('\\')) + 1)
        .replaceAll("[\\p{Cc}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]", "")
        .replaceAll("[<>:\"|?*]", "_").strip();
    return file.codePointCount(0, file.length()) <= MAX_CODE_POINTS ? file
        : file.substring(0, file.offsetByCodePoints(0, MAX_CODE_POINTS));
  }

  /** The file name without its extension or leading dots (".psd" would make a hidden file: it is "psd"). */
  private static String stemOf(String uploadName) {
    String file = fileName(uploadName).replaceFirst("^\\.+", "");
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /**
   * The header value (RFC 6266): an ASCII {@code filename} for old clients and the exact name as
   * UTF-8 in {@code filename*} (RFC 8187), which clients that know it prefer.
   */
  String contentDisposition() {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    // RFC 6266 4.3: no percent escapes in filename, which some clients would decode.
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
        ? (char) c : '_'));
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
