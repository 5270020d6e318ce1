// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.Random;
import loupe.engine.image.Planar;

/**
 * A synthetic 1600×1200 studio shot of a prop and a piece beside it with a flat face that has the
 * prop's colour, the case {@link PropInteriorRefiner} must not take for the prop: a beige putty
 * blob and, {@code gap} px to its right, a textured gold bar whose left side (towards the putty,
 * touching the background) is a flat warm facet; or an acrylic block and, {@code gap} px to its
 * right, a chain of textured links (16 px wide) with one flat grey bar, ending in a round pendant.
 * Colours are gains of the sweep's per channel; truth is the piece (rectangles and a disc).
 *
 * @param acrylic the block and chain (true) or the putty and bar (false)
 * @param prop the prop's colour
 * @param face the flat face's colour
 */
record PropFacetShot(boolean acrylic, double[] prop, double[] face, int gap) {
  static final int W = 1600;
  static final int H = 1200;
  private static final double[] SWEEP = {232, 231, 227};

  StoneShot.Rendered render(long seed) {
    Random random = new Random(seed);
    Planar image = Planar.create(3, W, H);
    boolean[] full = new boolean[W * H];
    double[] c = new double[3];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double nx = x / (double) W * 2 - 1;
        double ny = y / (double) H * 2 - 1;
        double light = 1 - 0.04 * (nx * nx + ny * ny) - 0.03 * ny;
        int kind = kind(x, y);
        for (int k = 0; k < 3; k++) {
          double metal = (x / 5 + y / 5) % 2 == 0 ? 0.45 : 1.05;
          double gold = acrylic ? 1 : new double[] {1.0, 0.85, 0.55}[k];
          c[k] = SWEEP[k] * switch (kind) {
            case 0 -> light;
            case 1 -> light * prop[k];
            case 2 -> light * face[k];
            default -> metal * gold;
          };
        }
        full[y * W + x] = kind >= 2;
        for (int k = 0; k < 3; k++) {
          double v = c[k] + 1.5 * random.nextGaussian();
          image.bands[k].set(x, y, 257 * (int) Math.round(Math.max(0, Math.min(255, v))));
        }
      }
    }
    return new StoneShot.Rendered(image, full);
  }

  /** 0 sweep, 1 prop, 2 the flat face, 3 the rest of the piece. */
  private int kind(int x, int y) {
    if (acrylic) {
      int left = 900 + gap;
      boolean chain = x >= left && x < left + 16 && y >= 200 && y < 1000;
      double sx = (x - (left + 8)) / 90.0;
      double sy = (y - 1080) / 90.0;
      if (chain) {
        return y >= 560 && y < 680 ? 2 : 3;
      }
      if (sx * sx + sy * sy <= 1) {
        return 3;
      }
      return x >= 500 && x < 900 && y >= 350 && y < 850 ? 1 : 0;
    }
    int left = 860 + gap;
    if (x >= left && x < left + 120 && y >= 500 && y < 900) {
      return x < left + 50 && y >= 620 && y < 720 ? 2 : 3;
    }
    double px = (x - 700) / 160.0;
    double py = (y - 700) / 110.0;
    return px * px + py * py <= 1 ? 1 : 0;
  }
}
