// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.util.Locale;
import loupe.server.UserError;

/** The flat deliverables: lossless PNG and TIFF at the document's depth, 8-bit JPEG. */
public enum ExportFormat {
  PNG("png"),
  TIFF("tif"),
  JPEG("jpg");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** File extension without the dot. */
  public String extension() {
    return extension;
  }

  /** PNG has no place for Photoshop resources; TIFF (tag 34377) and JPEG (APP13) carry the path and IPTC. */
  public boolean carriesPhotoshopResources() {
    return this != PNG;
  }

  /** png, tif, tiff, jpg or jpeg, any case. */
  public static ExportFormat parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "png" -> PNG;
      case "tif", "tiff" -> TIFF;
      case "jpg", "jpeg" -> JPEG;
      default -> throw new UserError("unknown export format '" + name + "' (use png, tiff or jpg)");
    };
  }
}
