// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Random;
import loupe.engine.image.Planar;

/**
 * A synthetic studio shot of one flat-faceted stone on a vignetted light sweep, with what the dev
 * scenes do not vary: its size and outline (round, oval, pear), whether a girdle line separates it
 * from its surroundings, a contact shadow on any side and of any darkness (the stone's outline
 * shifted away from the light and softened, so it starts at the outline), rim facets at the
 * shadow's own grey, and optionally a putty blob (grey or beige) that the stone touches. Truth is
 * 2×2-supersampled coverage; only fully covered pixels count as jewelry.
 *
 * @param diameter px across the stone's long axis
 * @param aspect short axis over long axis (1 round)
 * @param pear whether the outline narrows towards the top (a pear)
 * @param girdle whether a dark 2 px line runs round the outline
 * @param shadowAngle degrees, direction the shadow falls (0 right, 90 down)
 * @param shadowDepth relative darkening of the sweep at the stone's outline (0 none)
 * @param putty the putty's colour as gains of the sweep's per channel, or null for none
 */
public record StoneShot(int width, int height, double diameter, double aspect, boolean pear, boolean girdle,
    double shadowAngle, double shadowDepth, double[] putty) {
  static final double SIGMA = 1.5;
  private static final double[] SWEEP = {232, 231, 227};

  /** A stone's outline in normalised radius (1 on the outline) around the frame's centre. */
  double q(double x, double y) {
    double rx = diameter / 2 * aspect;
    double ry = diameter / 2;
    double dx = x - width / 2.0;
    double dy = y - height / 2.0;
    // A pear narrows its width towards the top (y < 0) but stays convex.
    double widen = pear ? 0.75 + 0.25 * Math.max(-1, Math.min(1, dy / ry)) : 1;
    return Math.hypot(dx / (rx * widen), dy / ry);
  }

  /** The rendered shot and its full-coverage truth (row-major). */
  public Rendered render(long seed) {
    Random random = new Random(seed);
    Planar image = Planar.create(3, width, height);
    boolean[] full = new boolean[width * height];
    double sx = Math.cos(Math.toRadians(shadowAngle)) * 0.12 * diameter / 2;
    double sy = Math.sin(Math.toRadians(shadowAngle)) * 0.12 * diameter / 2;
    double[] acc = new double[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        java.util.Arrays.fill(acc, 0);
        int covered = 0;
        for (int s = 0; s < 4; s++) {
          double px = x + 0.25 + 0.5 * (s % 2);
          double py = y + 0.25 + 0.5 * (s / 2);
          double[] c = sample(px, py, sx, sy);
          covered += q(px, py) <= 1 ? 1 : 0;
          for (int k = 0; k < 3; k++) {
            acc[k] += c[k] / 4;
          }
        }
        full[y * width + x] = covered == 4;
        for (int k = 0; k < 3; k++) {
          double v = acc[k] + SIGMA * random.nextGaussian();
          image.bands[k].set(x, y, 257 * (int) Math.round(Math.max(0, Math.min(255, v))));
        }
      }
    }
    return new Rendered(image, full);
  }

  private double[] sample(double px, double py, double sx, double sy) {
    double nx = px / width * 2 - 1;
    double ny = py / height * 2 - 1;
    double light = 1 - 0.08 * (nx * nx + ny * ny) / 2 - 0.03 * ny;
    double q = q(px, py);
    if (q <= 1) {
      return stone(px, py, q, light);
    }
    double dark = darkening(px, py, sx, sy);
    double[] c = new double[3];
    for (int k = 0; k < 3; k++) {
      c[k] = SWEEP[k] * light * (1 - dark);
    }
    if (putty != null && inPutty(px, py)) {
      for (int k = 0; k < 3; k++) {
        c[k] = SWEEP[k] * light * putty[k] * (1 - 0.5 * dark);
      }
    }
    return c;
  }

  /** Relative darkening of the sweep by the contact shadow at pixel (x, y)'s centre, 0 on the stone. */
  double darkening(int x, int y) {
    double px = x + 0.5;
    double py = y + 0.5;
    return q(px, py) <= 1 ? 0 : darkening(px, py, Math.cos(Math.toRadians(shadowAngle)) * 0.12 * diameter / 2,
        Math.sin(Math.toRadians(shadowAngle)) * 0.12 * diameter / 2);
  }

  /**
   * The contact shadow: the outline shifted by (sx, sy) away from the light, darkest at the stone,
   * fading over a fifth of its radius.
   */
  private double darkening(double px, double py, double sx, double sy) {
    return shadowDepth * Math.max(0, Math.min(1, (1.2 - q(px - sx, py - sy)) / 0.3));
  }

  /** A putty blob the stone stands against: to its lower left, overlapping its outline. */
  private boolean inPutty(double px, double py) {
    double r = diameter / 2;
    double dx = (px - (width / 2.0 - 0.9 * r * aspect)) / (0.7 * r);
    double dy = (py - (height / 2.0 + 0.6 * r)) / (0.45 * r);
    return dx * dx + dy * dy <= 1;
  }

  /**
   * Small facets alternating light and dark inside, and flat rim facets (a sixth of the radius deep)
   * that alternate between the shadow's grey at the outline (a pure gain of the sweep) and a lighter
   * neutral grey: per pixel they are what a contact shadow is.
   */
  private double[] stone(double px, double py, double q, double light) {
    double edgePx = (1 - q) * diameter / 2 * aspect;
    if (girdle && edgePx < 2) {
      return grey(120, light);
    }
    double angle = Math.atan2(py - height / 2.0, px - width / 2.0) + Math.PI;
    double rimPx = Math.max(4, Math.min(10, 0.08 * diameter / 2 * aspect));
    if (edgePx >= rimPx) {
      // Small facets: 32 sectors by rings 6 px deep, far from flat.
      int ring = (int) (edgePx / 6);
      return grey(((int) (angle / (Math.PI / 16)) + ring) % 2 == 0 ? 130 : 210, light);
    }
    int sector = (int) (angle / (Math.PI / 8));
    double rimGain = sector % 2 == 0 ? 1 - Math.max(shadowDepth, 0.1) : 0.9;
    double[] c = new double[3];
    for (int k = 0; k < 3; k++) {
      c[k] = SWEEP[k] * light * rimGain;
    }
    return c;
  }

  private static double[] grey(double v, double light) {
    return new double[] {v * light, v * light, v * light * 0.98};
  }

  public record Rendered(Planar image, boolean[] full) {}
}
