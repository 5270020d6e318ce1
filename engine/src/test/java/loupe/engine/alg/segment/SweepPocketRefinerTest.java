// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/**
 * A chain link (a thin square ring of textured metal around a hole that shows the sweep) and a
 * stone (a wide block of textured metal with a flat facet at the sweep's level) on a noisy sweep,
 * both fully selected by the coarse decision: the link's hole goes back to the background, the
 * wire and the whole stone stay selected.
 */
class SweepPocketRefinerTest {
  private static final int W = 160;
  private static final int H = 120;
  private static final int SWEEP = 200;
  private static final double SIGMA = 2;
  private static final Rect LINK = new Rect(40, 40, 60, 60);
  private static final Rect HOLE = new Rect(44, 44, 56, 56);
  private static final Rect STONE = new Rect(90, 30, 150, 90);
  private static final Rect FACET = new Rect(110, 50, 122, 62);

  private static Planar shot() {
    Random random = new Random(7);
    Planar image = Planar.create(3, W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean metal = (LINK.contains(x, y) && !HOLE.contains(x, y)) || (STONE.contains(x, y) && !FACET.contains(x, y));
        double base = metal ? ((x + y) % 3 == 0 ? 110 : 180) : SWEEP;
        for (int c = 0; c < 3; c++) {
          double v = base + SIGMA * random.nextGaussian();
          image.bands[c].set(x, y, (int) Math.round(Math.max(0, Math.min(255, v)) * 257));
        }
      }
    }
    return image;
  }

  private static GrayU16 refine(Planar image) {
    WorkImage work = WorkImage.of(image, 2, Progress.NONE);
    boolean[] jewelry = new boolean[work.width * work.height];
    GrayU16 mask = new GrayU16(W, H);
    for (Rect r : new Rect[] {LINK, STONE}) {
      mask.subimage(r.left(), r.top(), r.right(), r.bottom()).fill(65535);
      for (int y = r.top() / 2; y < r.bottom() / 2; y++) {
        for (int x = r.left() / 2; x < r.right() / 2; x++) {
          jewelry[y * work.width + x] = true;
        }
      }
    }
    Plane[] local = new Plane[3];
    for (int c = 0; c < 3; c++) {
      local[c] = new Plane(work.width, work.height);
      Arrays.fill(local[c].data(), SWEEP);
    }
    SweepPocketRefiner.refine(image, work, local, local, jewelry, SIGMA, SegmentConfig.defaults(), mask, Progress.NONE);
    return mask;
  }

  @Test
  void givesTheLinksHoleBackAndKeepsTheWireAndTheStone() {
    GrayU16 mask = refine(shot());
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int m = mask.get(x, y);
        if (new Rect(HOLE.left() + 1, HOLE.top() + 1, HOLE.right() - 1, HOLE.bottom() - 1).contains(x, y)) {
          assertThat(m).as("hole (%d,%d)", x, y).isZero();
        } else if (STONE.contains(x, y) || LINK.contains(x, y) && !HOLE.grow(2, Rect.ofSize(W, H)).contains(x, y)) {
          assertThat(m).as("metal (%d,%d)", x, y).isEqualTo(65535);
        } else if (!LINK.contains(x, y)) {
          assertThat(m).as("outside (%d,%d)", x, y).isZero();
        }
      }
    }
  }

  @Test
  void readsSubimageViews() {
    Planar image = shot();
    int pad = 7;
    Planar big = Planar.create(3, W + 2 * pad, H + pad + 3);
    for (int c = 0; c < 3; c++) {
      big.bands[c].fill(257 * 30);
    }
    Planar view = big.subimage(pad, pad, pad + W, pad + H);
    view.setTo(image);
    assertThat(refine(view).sameSamples(refine(image))).isTrue();
  }
}
