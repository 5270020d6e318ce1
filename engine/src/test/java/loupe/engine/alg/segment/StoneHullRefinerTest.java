// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

/**
 * A faceted oval ("stone", with the thin line of its girdle) on a flat noisy sweep, selected by a
 * mask that, like the coarse decision, leaves out a rim facet that mirrors the sweep (a deep notch),
 * the same notch showing a beige prop, a shallow bay of true background and an enclosed pocket, and
 * keeps a soft contact shadow below the stone and a flat grey prong with its outline: the notch is
 * filled; the beige one, the bay and the pocket stay background; the shadow is cleared; every pixel
 * of the stone and the prong stays selected.
 */
class StoneHullRefinerTest {
  // The dev scenes' scale: a 1200-wide frame is reduced by 2, and the stone is 240 px across.
  private static final int W = 1200;
  private static final int H = 480;
  private static final double CX = 240;
  private static final double CY = 220;
  private static final double R = 120;
  private static final double SWEEP = 230;
  private static final double SIGMA = 1.5;
  /** The stone's height over its width: an oval. A round stone's girdle is fitted ({@link RoundStone}), and inside it nothing is a bay. */
  private static final double OVAL = 0.8;

  /** How far (x, y) lies from the centre, in px of the oval's width: R on its outline. */
  private static double radius(int x, int y) {
    return Math.hypot(x + 0.5 - CX, (y + 0.5 - CY) / OVAL);
  }

  private enum Kind { SWEEP, GIRDLE, FACET, NOTCH, BEIGE_NOTCH, BAY, POCKET, SHADOW, PRONG, OUTLINE }

  private static Kind kind(int x, int y) {
    double dx = x + 0.5 - CX;
    double dy = y + 0.5 - CY;
    double r = radius(x, y);
    double angle = Math.toDegrees(Math.atan2(dy, dx)); // 0 right, 90 down (y down)
    if (r <= R) {
      if (r > R - 48 && Math.abs(angle - 150) < 8) {
        return Kind.NOTCH; // lower left rim: 48 deep, mouth ~33, 2% of the stone
      }
      if (r > R - 48 && Math.abs(angle + 100) < 8) {
        return Kind.BEIGE_NOTCH; // top rim: the same notch showing a beige prop behind the stone
      }
      if (r > R - 16 && Math.abs(angle) < 25) {
        return Kind.BAY; // right rim: 16 deep, mouth ~100
      }
      return r < 16 ? Kind.POCKET : r > R - 3 ? Kind.GIRDLE : Kind.FACET;
    }
    // A prong to the upper right: a flat grey bar 20 px wide with a 4 px dark outline.
    double u = (dx - dy) / Math.sqrt(2);
    double v = (dx + dy) / Math.sqrt(2);
    if (u > 0 && u < R + 60 && Math.abs(v) < 14) {
      return u > R + 56 || Math.abs(v) > 10 ? Kind.OUTLINE : Kind.PRONG;
    }
    return darkening(x, y) > 0.5 ? Kind.SHADOW : Kind.SWEEP;
  }

  /** Levels: a contact shadow below the stone, darkest at its outline and fading towards its ends. */
  private static double darkening(int x, int y) {
    double d = radius(x, y) - R;
    double angle = Math.toDegrees(Math.atan2(y + 0.5 - CY, x + 0.5 - CX));
    if (d <= 0 || d >= 28 || angle < 30 || angle > 150) {
      return 0;
    }
    double along = Math.cos(Math.toRadians((angle - 90) * 1.5));
    return 0.2 * SWEEP * (1 - d / 28) * along * along;
  }

  private static double value(Kind k, int x, int y) {
    double r = radius(x, y);
    return switch (k) {
      case SWEEP, NOTCH, BEIGE_NOTCH, BAY, POCKET -> SWEEP;
      // Flat facets: sectors and rings alternate between two greys.
      case FACET -> ((int) ((Math.atan2(y + 0.5 - CY, x + 0.5 - CX) + Math.PI) / (Math.PI / 8)) + (int) (r / 40))
          % 2 == 0 ? 150 : 205;
      case SHADOW -> SWEEP - darkening(x, y);
      case PRONG -> 200;
      case GIRDLE -> 170;
      case OUTLINE -> 60;
    };
  }

  private static boolean keptByCoarseDecision(Kind k, int x, int y) {
    double r = radius(x, y);
    return k == Kind.FACET || k == Kind.GIRDLE || k == Kind.PRONG || k == Kind.OUTLINE
        || k == Kind.SHADOW && darkening(x, y) >= 8;
  }

  @Test
  void fillsTheNotchClearsTheShadowAndKeepsTheStone() {
    Random random = new Random(5);
    Planar image = Planar.create(3, W, H);
    GrayU16 mask = new GrayU16(W, H);
    boolean[] kept = new boolean[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        Kind k = kind(x, y);
        double v = value(k, x, y);
        for (int c = 0; c < 3; c++) {
          double tint = k == Kind.BEIGE_NOTCH ? new double[] {-5, -20, -50}[c] : 0;
          image.bands[c].set(x, y,
              (int) Math.round(Math.max(0, Math.min(255, v + tint + SIGMA * random.nextGaussian())) * 257));
        }
        kept[y * W + x] = keptByCoarseDecision(k, x, y);
        mask.set(x, y, kept[y * W + x] ? 65535 : 0);
      }
    }
    SegmentConfig cfg = SegmentConfig.defaults();
    WorkImage work = WorkImage.of(image, 2, Progress.NONE);
    // Factor 2, as in a 1600 px frame. The coarse decision is loose: a work pixel with any kept
    // pixel is jewelry.
    boolean[] jewelry = new boolean[work.width * work.height];
    for (int i = 0; i < kept.length; i++) {
      jewelry[(i / W / 2) * work.width + (i % W) / 2] |= kept[i];
    }
    Plane[] sweep = new Plane[3];
    for (int c = 0; c < 3; c++) {
      sweep[c] = new Plane(work.width, work.height);
      Arrays.fill(sweep[c].data(), (float) SWEEP);
    }
    StoneHullRefiner.refine(image, work, sweep, jewelry, SIGMA, cfg, mask, Progress.NONE);
    long shadowPixels = 0;
    long shadowCleared = 0;
    long notchPixels = 0;
    long notchFilled = 0;
    // Per kind: pixels the refinement got wrong.
    Map<Kind, Integer> wrong = new EnumMap<>(Kind.class);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        Kind k = kind(x, y);
        double r = radius(x, y);
        int m = mask.get(x, y);
        boolean ok = switch (k) {
          case FACET, GIRDLE, PRONG, OUTLINE -> m == 65535;
          // Next to the outline the notch may stay out: the part's opening rounds the stone off
          // beside the notch, so the hull crosses the notch's mouth a little inside the outline
          // (12 px: 13 of the oval's units at the notch's angle).
          case NOTCH -> m == 65535 || r >= R - 13;
          case BEIGE_NOTCH, BAY, POCKET, SWEEP -> m == 0;
          case SHADOW -> true;
        };
        if (!ok) {
          wrong.merge(k, 1, Integer::sum);
        }
        if (k == Kind.NOTCH) {
          notchPixels++;
          notchFilled += m == 65535 ? 1 : 0;
        }
        if (k == Kind.SHADOW && r - R >= 8 && darkening(x, y) >= 8) {
          shadowPixels++;
          shadowCleared += m == 0 ? 1 : 0;
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(notchFilled).as("notch filled of %d", notchPixels).isGreaterThan(notchPixels * 2 / 3); // 71% measured (79% on a disc)
    assertThat(shadowCleared).as("shadow cleared of %d", shadowPixels).isGreaterThan(shadowPixels * 95 / 100);
  }
}
