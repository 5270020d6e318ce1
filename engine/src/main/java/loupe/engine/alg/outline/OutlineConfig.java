// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

/**
 * Settings of {@link MaskOutline#trace}.
 *
 * @param tolerance largest distance in pixels between the traced sub-pixel boundary and the output
 *     (polygon edges or Bézier curves)
 * @param minArea rings enclosing less than this many square pixels are dropped as specks (islands
 *     and holes alike)
 * @param fitCurves fit cubic Béziers through the boundary instead of straight edges
 * @param cornerAngle with curves, a turn sharper than this many degrees at a simplified vertex is
 *     kept as a corner knot; gentler turns are smoothed
 */
public record OutlineConfig(double tolerance, double minArea, boolean fitCurves, double cornerAngle) {
  /** Largest tolerance accepted: a clipping path looser than this no longer follows the product. */
  public static final double MAX_TOLERANCE = 2;

  /** Polygon within 0.3 px of the boundary (≤ 0.5 px asked for clipping paths); specks under 4 px² dropped. */
  public static final OutlineConfig DEFAULT = new OutlineConfig(0.3, 4, false, 50);

  public OutlineConfig {
    if (!(tolerance >= 0) || tolerance > MAX_TOLERANCE) {
      throw new IllegalArgumentException("outline tolerance must be in 0.." + MAX_TOLERANCE + " px, got " + tolerance);
    }
    if (!(minArea >= 0) || minArea > 1e9) {
      throw new IllegalArgumentException("minimum ring area must be in 0..1e9 px², got " + minArea);
    }
    if (!(cornerAngle > 0) || cornerAngle >= 180) {
      throw new IllegalArgumentException("corner angle must be in (0, 180) degrees, got " + cornerAngle);
    }
  }

  public OutlineConfig withTolerance(double px) {
    return new OutlineConfig(px, minArea, fitCurves, cornerAngle);
  }

  public OutlineConfig withMinArea(double px2) {
    return new OutlineConfig(tolerance, px2, fitCurves, cornerAngle);
  }

  public OutlineConfig withCurves(boolean curves) {
    return new OutlineConfig(tolerance, minArea, curves, cornerAngle);
  }
}
