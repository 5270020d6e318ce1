// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import loupe.engine.alg.outline.OutlineConfig;

/**
 * How a flat copy is written.
 *
 * @param jpegQuality JPEG quality 1..100
 * @param pathName name of the embedded clipping path (printable ASCII, 1..255 characters)
 * @param outline how the product mask is traced into the path
 * @param digitalSource the IPTC digital source type to declare in XMP, or null to declare none
 * @param compositeRecomputed false when the PSD writer kept the document's original composite
 *     ({@code PsdWriteResult.compositeRecomputed()}): the export is then refused, since it would show that
 *     composite, not Loupe's layers
 */
public record ExportOptions(int jpegQuality, String pathName, OutlineConfig outline, DigitalSourceType digitalSource,
    boolean compositeRecomputed) {
  /**
   * The clipping path Loupe traces into a flat copy: its estimate of the piece, not a retoucher's
   * outline, so a later job on that copy does not take it for one.
   */
  public static final String OUTLINE_PATH = "Loupe product";

  /** Quality 95, path "Loupe product" of Béziers within 0.3 px, no source type declared. */
  public static final ExportOptions DEFAULT =
      new ExportOptions(95, OUTLINE_PATH, OutlineConfig.DEFAULT.withCurves(true), null, true);

  public ExportOptions {
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1..100, got " + jpegQuality);
    }
    if (pathName == null || pathName.isEmpty() || pathName.length() > 255
        || !pathName.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(
          "clipping path name must be 1..255 printable ASCII characters, got '" + pathName + "'");
    }
    if (outline == null) {
      throw new IllegalArgumentException("outline settings are null");
    }
  }

  public ExportOptions withPathName(String name) {
    return new ExportOptions(jpegQuality, name, outline, digitalSource, compositeRecomputed);
  }

  public ExportOptions withDigitalSource(DigitalSourceType type) {
    return new ExportOptions(jpegQuality, pathName, outline, type, compositeRecomputed);
  }

  public ExportOptions withCompositeRecomputed(boolean recomputed) {
    return new ExportOptions(jpegQuality, pathName, outline, digitalSource, recomputed);
  }
}
