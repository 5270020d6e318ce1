// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * A small synthetic product shot with known truth: a gold ring (mirror-like stripes across the
 * band, anti-aliased by 4×4 supersampling) standing on a vignetted light sweep, a smooth grey
 * putty blob behind its base, a soft cast shadow, and Gaussian sensor noise. Coverage maps give
 * the truth of each element.
 */
final class SyntheticShot {
  /** Sizes are given for a 360×270 frame and scaled to the segmenter's work size (long side 800). */
  private static final double S = 800 / 360.0;
  static final int W = 800;
  static final int H = 600;
  private static final double CX = 180 * S;
  private static final double CY = 130 * S;
  private static final double OUTER = 90 * S;
  private static final double INNER = 74 * S;

  final Planar image = Planar.create(3, W, H);
  /** Ring coverage 0..1 per pixel. */
  final float[] ring = new float[W * H];
  /** Putty coverage not hidden by the ring. */
  final float[] putty = new float[W * H];
  /** Pixels darkened by the cast shadow by more than 2 levels. */
  final boolean[] shadow = new boolean[W * H];

  SyntheticShot(long seed) {
    Random random = new Random(seed);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double[] acc = new double[3];
        float ringCover = 0;
        float puttyCover = 0;
        for (int sy = 0; sy < 4; sy++) {
          for (int sx = 0; sx < 4; sx++) {
            double px = x + (sx + 0.5) / 4;
            double py = y + (sy + 0.5) / 4;
            double[] c = sweep(px, py);
            double shade = shadowGain(px, py);
            for (int k = 0; k < 3; k++) {
              c[k] *= shade;
            }
            if (inPutty(px, py)) {
              double t = (py - 190 * S) / (30 * S); // matte shading, darker towards the bottom
              c = new double[] {175 - 40 * t, 173 - 40 * t, 170 - 40 * t};
            }
            double r = Math.hypot(px - CX, py - CY);
            boolean onRing = r >= INNER && r <= OUTER;
            if (onRing) {
              // Polished band: stripes across its width reflect dark and bright surroundings.
              double s = (r - INNER) / (OUTER - INNER);
              double v = 0.25 + 0.75 * Math.pow(0.5 + 0.5 * Math.cos(s * 3 * Math.PI), 2);
              c = new double[] {250 * v, 200 * v, 90 * v};
              ringCover += 1 / 16f;
            } else if (inPutty(px, py)) {
              puttyCover += 1 / 16f;
            }
            for (int k = 0; k < 3; k++) {
              acc[k] += c[k] / 16;
            }
          }
        }
        int i = y * W + x;
        ring[i] = ringCover;
        putty[i] = puttyCover;
        shadow[i] = ringCover == 0 && puttyCover == 0 && (1 - shadowGain(x + 0.5, y + 0.5)) * 230 > 2;
        for (int k = 0; k < 3; k++) {
          double v = acc[k] + 2.0 * random.nextGaussian();
          image.bands[k].data[i] = (short) (257 * (int) Math.round(Math.max(0, Math.min(255, v))));
        }
      }
    }
  }

  private static double[] sweep(double x, double y) {
    double nx = x / W * 2 - 1;
    double ny = y / H * 2 - 1;
    double gain = 1 - 0.1 * (nx * nx + ny * ny) / 2;
    double base = (236 - 8 * ny) * gain;
    return new double[] {base, base, base - 2};
  }

  /** Putty blob behind the ring's base (an ellipse whose top shows through the ring). */
  private static boolean inPutty(double x, double y) {
    double dx = (x - 195 * S) / (55 * S);
    double dy = (y - 205 * S) / (30 * S);
    return dx * dx + dy * dy <= 1;
  }

  /** A soft shadow cast to the lower right of the base; 1 = lit. */
  private static double shadowGain(double x, double y) {
    double dx = (x - 215 * S) / (70 * S);
    double dy = (y - 245 * S) / (14 * S);
    return 1 - 0.25 * Math.exp(-(dx * dx + dy * dy));
  }

  /** The ring truth as a mask (coverage × 65535). */
  GrayU16 ringMask() {
    GrayU16 m = new GrayU16(W, H);
    for (int i = 0; i < ring.length; i++) {
      m.data[i] = (short) Math.round(ring[i] * 65535);
    }
    return m;
  }

  /** True inside the ring's hole (well away from the band and the putty). */
  static boolean inHole(int x, int y) {
    return Math.hypot(x + 0.5 - CX, y + 0.5 - CY) < INNER - 3 && !inPutty(x + 0.5, y + 0.5) && y < 175 * S;
  }
}
