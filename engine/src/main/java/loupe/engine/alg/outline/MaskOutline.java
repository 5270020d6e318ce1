// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.alg.mask.PathGeometry.Knot;
import loupe.engine.alg.outline.impl.BezierFitter;
import loupe.engine.alg.outline.impl.MarchingSquares;
import loupe.engine.alg.outline.impl.RingArea;
import loupe.engine.alg.outline.impl.RingSimplifier;
import loupe.engine.image.GrayU16;

/**
 * Mask → vector outline, for clipping paths: the boundary of {@code mask ≥ threshold} traced at
 * sub-pixel precision by marching squares on the soft mask, specks dropped, each ring simplified
 * by Ramer–Douglas–Peucker within the tolerance, optionally fitted with cubic Béziers. Holes are
 * kept as rings of opposite orientation (see {@link Outline}).
 */
public final class MaskOutline {
  /** The 50 % level of a 16-bit mask. */
  public static final int HALF = 32768;

  private MaskOutline() {}

  /**
   * @param mask Not modified; a view traces in its own coordinates
   * @param threshold 1..65535: a pixel is inside when its value is at least this
   */
  public static Outline trace(GrayU16 mask, int threshold, OutlineConfig config) {
    if (threshold < 1 || threshold > 65535) {
      throw new IllegalArgumentException("outline threshold must be 1..65535, got " + threshold);
    }
    List<OutlineRing> rings = new ArrayList<>();
    for (double[] loop : MarchingSquares.contours(mask, threshold - 0.5)) {
      double signed = RingArea.polygon(loop);
      if (Math.abs(signed) < config.minArea() || loop.length < 6) {
        continue;
      }
      int[] kept = RingSimplifier.keep(loop, config.tolerance());
      List<Knot> knots = config.fitCurves()
          ? BezierFitter.fit(loop, corners(loop, kept, config.cornerAngle()), config.tolerance())
          : polygon(loop, kept);
      rings.add(new OutlineRing(knots, signed < 0, Math.abs(RingArea.knots(knots))));
    }
    return new Outline(rings, mask.width, mask.height);
  }

  private static List<Knot> polygon(double[] loop, int[] kept) {
    List<Knot> knots = new ArrayList<>(kept.length);
    for (int i : kept) {
      knots.add(Knot.corner(loop[2 * i], loop[2 * i + 1]));
    }
    return knots;
  }

  /** The kept vertices where the simplified polygon turns by more than {@code angle} degrees. */
  private static int[] corners(double[] loop, int[] kept, double angle) {
    double cos = Math.cos(Math.toRadians(angle));
    int n = kept.length;
    int[] out = new int[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int p = kept[(k + n - 1) % n];
      int c = kept[k];
      int q = kept[(k + 1) % n];
      double ax = loop[2 * c] - loop[2 * p];
      double ay = loop[2 * c + 1] - loop[2 * p + 1];
      double bx = loop[2 * q] - loop[2 * c];
      double by = loop[2 * q + 1] - loop[2 * c + 1];
      double dot = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
      if (dot < cos) {
        out[m++] = c;
      }
    }
    return Arrays.copyOf(out, m);
  }
}
