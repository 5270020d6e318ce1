// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import loupe.engine.alg.mask.PathFillMode;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.mask.PathOperation;
import loupe.engine.image.GrayU16;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;

/**
 * The dev01 scene (solitaire, 1600×1200) as layer-less documents, read with ImageIO, plus the
 * conversion of a path read by TwelveMonkeys back to engine geometry.
 */
final class ExportScenes {
  static final Path SHARED = Path.of(System.getProperty("loupe.shared"));
  static final Path DEV01 = SHARED.resolve("benchmark/dev/dev01_solitaire_yellowgold");
  private static Raster input;
  private static Raster clean;
  private static GrayU16 mask;

  private ExportScenes() {}

  /** input.png: 8-bit RGB as shot. */
  static synchronized Raster input() {
    if (input == null) {
      input = read("input.png");
    }
    return input;
  }

  /** truth_clean.png: 16-bit RGB. */
  static synchronized Raster clean() {
    if (clean == null) {
      clean = read("truth_clean.png");
    }
    return clean;
  }

  /** truth_mask.png ×257: 65535 = jewelry. */
  static synchronized GrayU16 mask() {
    if (mask == null) {
      Raster r = read("truth_mask.png");
      mask = new GrayU16(r.getWidth(), r.getHeight());
      for (int y = 0; y < mask.height; y++) {
        for (int x = 0; x < mask.width; x++) {
          mask.set(x, y, r.getSample(x, y, 0) * 257);
        }
      }
    }
    return mask;
  }

  private static Raster read(String name) {
    try {
      return ImageIO.read(DEV01.resolve(name).toFile()).getRaster();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document whose composite is {@code bands} bands of the raster (first bands kept) at its depth. */
  static PsdDocument document(Raster r, int bands, int depth) {
    int w = r.getWidth();
    int h = r.getHeight();
    PsdDocument doc = PsdDocument.create(bands == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB, depth, w, h);
    List<PsdChannel> channels = new ArrayList<>();
    int[] row = new int[w];
    for (int c = 0; c < bands; c++) {
      byte[] plane = new byte[w * h * depth / 8];
      for (int y = 0; y < h; y++) {
        r.getSamples(0, y, w, 1, c, row);
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          if (depth == 8) {
            plane[i] = (byte) row[x];
          } else {
            plane[2 * i] = (byte) (row[x] >>> 8);
            plane[2 * i + 1] = (byte) row[x];
          }
        }
      }
      channels.add(PsdChannel.of(c, w, h, depth, plane));
    }
    doc.setComposite(channels);
    return doc;
  }

  /** The composite's channel c as samples at the document's depth (decoded once: read channels decode per call). */
  static int[] samples(PsdDocument doc, int c) {
    byte[] p = doc.composite().get(c).decoded();
    int[] out = new int[doc.width() * doc.height()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doc.depth() == 8 ? p[i] & 0xFF : (p[2 * i] & 0xFF) << 8 | (p[2 * i + 1] & 0xFF);
    }
    return out;
  }

  /**
   * A path as TwelveMonkeys returns it (normalised 0..1, even-odd) scaled to pixels, as engine
   * geometry: each closed run of segments becomes a subpath of cubic knots.
   */
  static PathGeometry toGeometry(Path2D path, int w, int h) {
    List<PathGeometry.Subpath> subpaths = new ArrayList<>();
    List<double[]> segments = new ArrayList<>();
    double[] c = new double[6];
    double[] start = new double[2];
    double[] at = new double[2];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> {
          start = new double[] {c[0] * w, c[1] * h};
          at = start;
        }
        case PathIterator.SEG_LINETO -> {
          segments.add(new double[] {at[0], at[1], at[0], at[1], c[0] * w, c[1] * h, c[0] * w, c[1] * h});
          at = new double[] {c[0] * w, c[1] * h};
        }
        case PathIterator.SEG_CUBICTO -> {
          segments.add(new double[] {at[0], at[1], c[0] * w, c[1] * h, c[2] * w, c[3] * h, c[4] * w, c[5] * h});
          at = new double[] {c[4] * w, c[5] * h};
        }
        case PathIterator.SEG_CLOSE -> {
          if (at[0] != start[0] || at[1] != start[1]) {
            segments.add(new double[] {at[0], at[1], at[0], at[1], start[0], start[1], start[0], start[1]});
          }
          subpaths.add(new PathGeometry.Subpath(true, PathOperation.EXCLUDE, knots(segments)));
          segments.clear();
        }
        default -> throw new IllegalArgumentException("unexpected path segment");
      }
    }
    if (path.getWindingRule() != Path2D.WIND_EVEN_ODD) {
      throw new IllegalArgumentException("TwelveMonkeys paths are even-odd; got winding rule " + path.getWindingRule());
    }
    return new PathGeometry(subpaths, PathFillMode.EVEN_ODD);
  }

  /** Segments {x0,y0,c1x,c1y,c2x,c2y,x3,y3} of a closed chain as knots. */
  private static List<PathGeometry.Knot> knots(List<double[]> segments) {
    List<PathGeometry.Knot> knots = new ArrayList<>();
    int n = segments.size();
    for (int s = 0; s < n; s++) {
      double[] seg = segments.get(s);
      double[] prev = segments.get((s + n - 1) % n);
      knots.add(new PathGeometry.Knot(prev[4], prev[5], seg[0], seg[1], seg[2], seg[3]));
    }
    return knots;
  }
}
