// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.outline.MaskOutline;
import loupe.engine.alg.outline.Outline;
import loupe.engine.image.GrayU16;
import loupe.psd.AtomicFiles;
import loupe.psd.ImageResource;
import loupe.psd.PathData;
import loupe.psd.PsdDocument;
import loupe.psd.Resolution;
import loupe.psd.SavedPath;
import loupe.server.UserError;
import loupe.server.io.FileErrors;

/**
 * Flattened marketplace copies of a retouched document: PNG or TIFF at the document's depth (every
 * sample exact), or 8-bit JPEG. TIFF and JPEG embed the document's clipping path, else the product
 * outline, as a Photoshop clipping path (resources 2000 + 2999), and its IPTC record (1028); all three carry the ICC profile, the resolution and, when asked,
 * the IPTC digital source type in XMP. The file is written to a temporary file beside the target
 * which then replaces it atomically (rw-r--r--), so a failure never leaves a partial file.
 */
public final class FlatExporter {
  private FlatExporter() {}

  /**
   * @param retouched the document as written (its composite is what is exported: read the written
   *     PSD back, since the writer recomputes the composite in the file, not in memory)
   * @param productMask document-sized product mask, 65535 = jewelry, traced as the clipping path
   *     when the document has none of its own. Not modified
   * @param out the file to write; its folder must exist
   * @throws UserError (422) when the document's composite is its original one ({@link
   *     ExportOptions#compositeRecomputed()} false): Loupe's layers are not in it
   */
  public static ExportResult export(PsdDocument retouched, GrayU16 productMask, ExportFormat format, Path out,
      ExportOptions options) throws IOException {
    String file = out.toString();
    int bands = CompositeRaster.colorBands(retouched, format, file);
    if (productMask.width != retouched.width() || productMask.height != retouched.height()) {
      throw new IllegalArgumentException("product mask " + productMask.width + "×" + productMask.height
          + " does not match the document " + retouched.width() + "×" + retouched.height());
    }
    if (!options.compositeRecomputed()) {
      // A flat copy is what gets delivered: the picture as shot under a retouched name is worse than none.
      throw new UserError(422, out + ": not written: Loupe could not flatten the document's layers (see the PSD's "
          + "note), so the copy would show the picture as shot, not retouched; the layered PSD is complete: export "
          + "the copy from Photoshop");
    }
    List<String> notes = new ArrayList<>();
    int bits = format == ExportFormat.JPEG ? 8 : retouched.depth();
    if (format == ExportFormat.JPEG) {
      if (retouched.depth() == 16) {
        notes.add("16-bit document reduced to 8 bits per channel with rounding for JPEG");
      }
      notes.add("JPEG is lossy: jewelry pixels are not bit-exact in this file; use PNG or TIFF for an exact copy");
    }
    int subpaths = 0;
    int knots = 0;
    ByteArrayOutputStream resources = new ByteArrayOutputStream();
    // Loupe's own outline from an earlier copy is traced anew, from this job's mask.
    SavedPath own = ExportOptions.OUTLINE_PATH.equals(retouched.clippingPathName()) ? null : retouched.clippingPath();
    if (format.carriesPhotoshopResources() && own != null) {
      // The retoucher's own Pen outline, as drawn: a trace of a mask could only approximate it.
      resources.writeBytes(ClippingPath.resources(asciiName(own.name()), own.path()));
      subpaths = own.path().subpaths().size();
      knots = own.path().knotCount();
      notes.add("clipping path: the document's own '" + own.name() + "'");
    } else if (format.carriesPhotoshopResources()) {
      Outline outline = MaskOutline.trace(productMask, MaskOutline.HALF, options.outline());
      if (outline.rings().isEmpty()) {
        // A trace drops specks: a product of a few pixels is not empty, only too small to outline.
        notes.add(MaskOps.selectedPixels(productMask) == 0 ? "the product mask is empty: no clipping path"
            : String.format(Locale.ROOT, "the product mask selects no area of %.0f px or more at half strength or more: "
                + "no clipping path",
                options.outline().minArea()));
      } else {
        PathData path = ClippingPath.toPathData(outline);
        resources.writeBytes(ClippingPath.resources(options.pathName(), path));
        subpaths = outline.rings().size();
        knots = outline.knotCount();
      }
    }
    ImageResource iptc = retouched.resource(ClippingPath.IPTC);
    if (format.carriesPhotoshopResources() && iptc != null) {
      // Copyright, creator and usage terms travel with the delivered file, where Photoshop keeps them.
      ClippingPath.block(resources, ClippingPath.IPTC, new byte[0], iptc.data());
    }
    XmpPacket xmp = xmp(retouched, format, options.digitalSource(), notes);
    ExportMetadata meta = new ExportMetadata(retouched.iccProfile(),
        resources.size() == 0 ? null : resources.toByteArray(), xmp == null ? null : xmp.xml(), ppi(retouched));
    BufferedImage image = CompositeRaster.of(retouched, bands, bits);
    long bytes = writeAtomically(out, stream -> {
      switch (format) {
        case PNG -> PngEncoder.write(image, meta, stream);
        case TIFF -> TiffEncoder.write(image, meta, stream);
        case JPEG -> JpegEncoder.write(image, meta, options.jpegQuality(), stream);
      }
    });
    String declared = xmp == null ? null : xmp.digitalSourceType();
    return new ExportResult(out, format, bits, subpaths, knots, declared, notes, bytes);
  }

  /** A path name as the resource's Pascal string holds it here: printable ASCII, others as '_'. */
  private static String asciiName(String name) {
    StringBuilder out = new StringBuilder();
    name.chars().limit(255).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : '_'));
    return out.isEmpty() ? "Path" : out.toString();
  }

  /** The document's packet with the source type; Loupe's own alone when the document's is too large for JPEG. */
  private static XmpPacket xmp(PsdDocument doc, ExportFormat format, DigitalSourceType type, List<String> notes) {
    XmpPacket xmp = XmpPacket.of(doc.xmp(), type);
    if (xmp != null && format == ExportFormat.JPEG && xmp.bytes() > JpegEncoder.MAX_XMP) {
      XmpPacket own = XmpPacket.of(null, type);
      notes.add("the document's XMP (" + xmp.bytes() + " bytes) does not fit one JPEG segment and was left out"
          + (own != null ? "; Loupe's own packet was written" : ""));
      xmp = own;
    }
    if (xmp != null && xmp.note() != null) {
      notes.add(xmp.note());
    }
    return xmp;
  }

  /** Horizontal and vertical pixels per inch from ResolutionInfo, or null. */
  private static double[] ppi(PsdDocument doc) {
    Resolution res = doc.resolution();
    return res == null || !(res.horizontalPpi() > 0) || !(res.verticalPpi() > 0) ? null
        : new double[] {res.horizontalPpi(), res.verticalPpi()};
  }

  interface Encoding {
    void write(ImageOutputStream out) throws IOException;
  }

  /** Writes to a temporary file in the target's folder, then moves it over the target. */
  static long writeAtomically(Path out, Encoding encoding) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserError(out + ": the folder does not exist");
    }
    try {
      AtomicFiles.write(out, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
        try (ImageOutputStream stream = new FileImageOutputStream(tmp.toFile())) {
          encoding.write(stream);
        }
      });
    } catch (IOException e) {
      throw FileErrors.naming(out, e);
    }
    return Files.size(out);
  }
}
