// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.mask.PathGeometry;
import loupe.engine.alg.outline.Outline;
import loupe.engine.alg.outline.OutlineRing;
import loupe.psd.Knot;
import loupe.psd.PathData;
import loupe.psd.Subpath;

/**
 * A traced product outline as a Photoshop clipping path: saved-path resource 2000 named after the
 * path, and resource 2999 naming it as the clipping path, as consecutive "8BIM" image resource
 * blocks (the payload of TIFF tag 34377 and of a JPEG APP13 "Photoshop 3.0" segment).
 *
 * <p>Every subpath carries operation code 0: "exclude" (XOR) for Photoshop CS6 and later, and the
 * value older files hold, which readers such as TwelveMonkeys fill even-odd. Either way a hole ring
 * inside an outer ring stays empty; the rings are also wound oppositely, so non-zero filling agrees.
 */
public final class ClippingPath {
  static final int SAVED_PATH = 2000;
  static final int CLIPPING_PATH_NAME = 2999;
  /** IPTC-IIM (copyright, creator, usage terms), which JPEG and TIFF readers take from these blocks too. */
  static final int IPTC = 1028;
  /** Resource 2999 after the name: flatness 1.0 device pixel (16.16 fixed), fill rule 1 = even-odd. */
  private static final byte[] FLATNESS_AND_FILL_RULE = {0, 1, 0, 0, 0, 1};

  private ClippingPath() {}

  /** The outline in path-record form: (y, x) fractions of the canvas height and width. */
  public static PathData toPathData(Outline outline) {
    List<Subpath> subpaths = new ArrayList<>();
    double w = outline.width();
    double h = outline.height();
    for (OutlineRing ring : outline.rings()) {
      List<Knot> knots = new ArrayList<>();
      for (PathGeometry.Knot k : ring.knots()) {
        knots.add(new Knot(smooth(k), k.inY() / h, k.inX() / w, k.y() / h, k.x() / w, k.outY() / h, k.outX() / w));
      }
      subpaths.add(new Subpath(true, knots, new byte[22]));
    }
    return PathData.of(subpaths);
  }

  /** Resource blocks 2000 ({@code name}, the path) and 2999 (naming it the clipping path). */
  public static byte[] resources(String name, PathData path) {
    ByteArrayOutputStream pascal = new ByteArrayOutputStream();
    byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
    pascal.write(ascii.length);
    pascal.writeBytes(ascii);
    pascal.writeBytes(FLATNESS_AND_FILL_RULE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    block(out, SAVED_PATH, ascii, path.toResourceBytes());
    block(out, CLIPPING_PATH_NAME, new byte[0], pascal.toByteArray());
    return out.toByteArray();
  }

  /**
   * One image resource block: "8BIM", id, Pascal name padded to an even length, data size, data
   * padded to an even length.
   */
  static void block(ByteArrayOutputStream out, int id, byte[] name, byte[] data) {
    out.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
    out.write(id >>> 8);
    out.write(id);
    out.write(name.length);
    out.writeBytes(name);
    if ((name.length + 1) % 2 != 0) {
      out.write(0);
    }
    out.write(data.length >>> 24);
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.writeBytes(data);
    if (data.length % 2 != 0) {
      out.write(0);
    }
  }

  /** Photoshop's "linked" knot: both handles off the anchor and pointing in opposite directions. */
  private static boolean smooth(PathGeometry.Knot k) {
    double ax = k.inX() - k.x();
    double ay = k.inY() - k.y();
    double bx = k.outX() - k.x();
    double by = k.outY() - k.y();
    double la = Math.hypot(ax, ay);
    double lb = Math.hypot(bx, by);
    if (la < 1e-9 || lb < 1e-9) {
      return false;
    }
    double cross = (ax * by - ay * bx) / (la * lb);
    double dot = (ax * bx + ay * by) / (la * lb);
    return Math.abs(cross) < 1e-6 && dot < 0;
  }
}
