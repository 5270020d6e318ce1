// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.inpaint.Synth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

class HealOpsTest {
  private static final int BLOB = 6;

  /**
   * A fake scratch healed on dev01's ring band: pixels outside the painted blob are untouched, the
   * fill's mean lies in the band's range, and not one filled sample depends on a pixel off the band.
   */
  @Test
  void aScratchOnTheRingBandIsHealedFromTheBandAlone() {
    Path scene = TestImages.devScenes().get(0);
    Planar layer = TestImages.readRgb(scene.resolve("input.png"));
    GrayU16 alpha = TestImages.readGray(scene.resolve("truth_mask.png"));
    int[] centre = bandSpot(alpha, 12);
    int cx = centre[0];
    int cy = centre[1];
    Planar scratched = layer.copy();
    GrayU16 scratch = Synth.segment(new GrayU16(layer.width, layer.height), cx - 5, cy - 3, cx + 5, cy + 3, 0.7, 65535);
    for (int y = 0; y < layer.height; y++) {
      for (int x = 0; x < layer.width; x++) {
        if (scratch.get(x, y) > 0) {
          scratched.bands[0].set(x, y, 0);
          scratched.bands[1].set(x, y, 0);
          scratched.bands[2].set(x, y, 65535); // a colour the gold band does not have
        }
      }
    }
    GrayU16 healMask = Synth.disc(new GrayU16(layer.width, layer.height), cx, cy, BLOB, 65535);
    Planar healed = HealOps.heal(scratched, alpha, healMask, HealConfig.defaults(), Progress.NONE);

    // Range of the band's own opaque pixels around the spot.
    int r = 40;
    int[] lo = {65535, 65535, 65535};
    int[] hi = {0, 0, 0};
    for (int y = cy - r; y <= cy + r; y++) {
      for (int x = cx - r; x <= cx + r; x++) {
        if (alpha.get(x, y) == 65535 && healMask.get(x, y) == 0) {
          for (int c = 0; c < 3; c++) {
            lo[c] = Math.min(lo[c], layer.bands[c].get(x, y));
            hi[c] = Math.max(hi[c], layer.bands[c].get(x, y));
          }
        }
      }
    }
    double[] mean = new double[3];
    int n = 0;
    int grain = 4 * 257; // copied grain may step slightly past the smooth part's range
    for (int y = 0; y < layer.height; y++) {
      for (int x = 0; x < layer.width; x++) {
        if (healMask.get(x, y) == 0) {
          for (int c = 0; c < 3; c++) {
            assertThat(healed.bands[c].get(x, y)).isEqualTo(scratched.bands[c].get(x, y));
          }
          continue;
        }
        n++;
        for (int c = 0; c < 3; c++) {
          int v = healed.bands[c].get(x, y);
          mean[c] += v;
          assertThat(v).as("band %d at (%d,%d)", c, x, y).isBetween(lo[c] - grain, hi[c] + grain);
        }
      }
    }
    for (int c = 0; c < 3; c++) {
      assertThat(mean[c] / n).isBetween((double) lo[c], (double) hi[c]);
    }
    // Tracer: repaint everything that is not fully opaque (the sweep, the anti-aliased edge) in a
    // colour found nowhere on the ring. If the fill read any of it, the result would change.
    Planar repainted = scratched.copy();
    for (int y = 0; y < layer.height; y++) {
      for (int x = 0; x < layer.width; x++) {
        if (alpha.get(x, y) != 65535) {
          repainted.bands[0].set(x, y, 0);
          repainted.bands[1].set(x, y, 65535);
          repainted.bands[2].set(x, y, 0);
        }
      }
    }
    Planar healedAgain = HealOps.heal(repainted, alpha, healMask, HealConfig.defaults(), Progress.NONE);
    for (int y = cy - BLOB; y <= cy + BLOB; y++) {
      for (int x = cx - BLOB; x <= cx + BLOB; x++) {
        if (healMask.get(x, y) > 0) {
          for (int c = 0; c < 3; c++) {
            assertThat(healedAgain.bands[c].get(x, y)).isEqualTo(healed.bands[c].get(x, y));
          }
        }
      }
    }
  }

  /**
   * Strokes healed where the jewelry has no flaw, so the pixels as shot are the answer: 12 strokes of
   * 10×50 and 50×10 px on each dev scene's metal and stones. The fill must sit nearer the metal's
   * tone than an unmatched patch fill (mean |offset| from the pixels as shot; unmatched: 9.8 / 9.8 /
   * 11.5 levels), be at least 10 % nearer the pixels as shot (RMSE; unmatched 39.5 / 30.6 / 32.2), meet the pixels around it without an edge (the step across the outline no larger
   * than the metal's own; unmatched: 2.5× it), and not take the tone of a flaw's halo: with a 1 px
   * ring 15 levels brighter around each stroke (kept as shot, as a scratch's halo is), the fill may
   * move by at most 4 levels (matched to the halo all through, it moved 5.2 / 11.3 / 9.5).
   */
  @Test
  void aHealedStrokeTakesTheToneOfTheMetalAroundItNotOfAHalo() {
    HealConfig unmatched = new HealConfig(HealConfig.defaults().inpaint().withMatchTone(false));
    int halo = 15 * 257;
    for (Path scene : TestImages.devScenes()) {
      Planar layer = TestImages.readRgb(scene.resolve("input.png"));
      GrayU16 alpha = TestImages.readGray(scene.resolve("truth_mask.png"));
      double offsets = 0;
      double offsetsUnmatched = 0;
      double offsetsHalo = 0;
      double errors = 0;
      double errorsUnmatched = 0;
      double steps = 0;
      double stepsAsShot = 0;
      int strokes = 0;
      for (int sy = 20; sy < layer.height - 20 && strokes < 12; sy += 37) {
        for (int sx = 20; sx < layer.width - 80 && strokes < 12; sx += 53) {
          for (int[] size : new int[][] {{50, 10}, {10, 50}}) {
            Rect stroke = new Rect(sx, sy, sx + size[0], sy + size[1]);
            if (!opaqueRect(alpha, new Rect(sx - 6, sy - 6, stroke.right() + 6, stroke.bottom() + 6))) {
              continue;
            }
            GrayU16 healMask = new GrayU16(layer.width, layer.height);
            Planar haloed = layer.copy();
            for (int y = stroke.top() - 1; y <= stroke.bottom(); y++) {
              for (int x = stroke.left() - 1; x <= stroke.right(); x++) {
                boolean inside = stroke.contains(x, y);
                healMask.set(x, y, inside ? 65535 : 0);
                for (int c = 0; c < 3 && !inside; c++) {
                  haloed.bands[c].set(x, y, Math.min(65535, layer.bands[c].get(x, y) + halo));
                }
              }
            }
            Planar healed = HealOps.heal(layer, alpha, healMask, HealConfig.defaults(), Progress.NONE);
            Planar plain = HealOps.heal(layer, alpha, healMask, unmatched, Progress.NONE);
            offsets += Math.abs(meanOffset(healed, layer, stroke));
            offsetsUnmatched += Math.abs(meanOffset(plain, layer, stroke));
            errors += rmse(healed, layer, stroke);
            errorsUnmatched += rmse(plain, layer, stroke);
            offsetsHalo += Math.abs(meanOffset(HealOps.heal(haloed, alpha, healMask, HealConfig.defaults(),
                Progress.NONE), layer, stroke));
            steps += outlineStep(healed, layer, stroke);
            stepsAsShot += outlineStep(layer, layer, stroke);
            strokes++;
          }
        }
      }
      String name = scene.getFileName().toString();
      assertThat(strokes).as("%s strokes", name).isEqualTo(12);
      assertThat(offsets / strokes).as("%s mean |offset| in levels", name).isLessThan(offsetsUnmatched / strokes);
      assertThat(errors / strokes).as("%s RMSE in levels", name).isLessThan(0.9 * errorsUnmatched / strokes);
      assertThat(steps / strokes).as("%s outline step in levels", name).isLessThan(1.25 * stepsAsShot / strokes);
      assertThat(offsetsHalo / strokes).as("%s mean |offset| beside a halo", name).isLessThan(offsets / strokes + 4);
    }
  }

  /**
   * On flat metal with a bright halo around a small stroke: the fill keeps the metal's tone inside
   * and bends to the halo only at its rim. A stroke this small is filled at one pyramid level, where
   * the fill uses the guard's samples as scratch; the rim was matched to that scratch, not to the
   * halo as shot (a reviewer's probe).
   */
  @Test
  void aSmallStrokeBesideAHaloBendsToItOnlyAtItsRim() {
    int metal = 30000;
    Planar layer = Planar.create(3, 120, 100);
    Rect stroke = new Rect(50, 40, 58, 48);
    GrayU16 healMask = new GrayU16(120, 100);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 120; x++) {
        boolean ring = !stroke.contains(x, y) && x >= 49 && x <= 58 && y >= 39 && y <= 48;
        for (int c = 0; c < 3; c++) {
          layer.bands[c].set(x, y, ring ? metal + 20 * 257 : metal);
        }
        healMask.set(x, y, stroke.contains(x, y) ? 65535 : 0);
      }
    }
    Planar healed = HealOps.heal(layer, GrayU16.filled(120, 100, 65535), healMask, HealConfig.defaults(),
        Progress.NONE);
    assertThat(healed.bands[0].get(50, 44)).as("rim").isGreaterThan(metal + 5 * 257);
    assertThat(healed.bands[0].get(54, 44)).as("centre").isBetween(metal - 257, metal + 257);
  }

  /**
   * Two strokes in one crop on flat metal, one ringed by a bright halo, with a dark speck further off
   * (so the clamp to the range around them hides nothing): each stroke's halo is its own. One
   * halo offset for the whole crop left half the halo in A and darkened the clean stroke B by 10
   * levels (a reviewer's probe).
   */
  @Test
  void aHaloBesideOneStrokeDoesNotMoveAnother() {
    int metal = 30000;
    Rect a = new Rect(40, 40, 50, 70);
    Rect b = new Rect(100, 40, 110, 70);
    Planar layer = Planar.create(3, 220, 120);
    GrayU16 healMask = new GrayU16(220, 120);
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 220; x++) {
        boolean ring = !a.contains(x, y) && x >= 38 && x < 52 && y >= 38 && y < 72;
        boolean speck = x >= 73 && x < 78 && y >= 95 && y < 100;
        for (int c = 0; c < 3; c++) {
          layer.bands[c].set(x, y, speck ? 10000 : ring ? metal + 20 * 257 : metal);
        }
        healMask.set(x, y, a.contains(x, y) || b.contains(x, y) ? 65535 : 0);
      }
    }
    Planar healed = HealOps.heal(layer, GrayU16.filled(220, 120, 65535), healMask, HealConfig.defaults(),
        Progress.NONE);
    assertThat(healed.bands[0].get(45, 55)).as("centre of A").isBetween(metal - 257, metal + 257);
    assertThat(healed.bands[0].get(105, 55)).as("centre of B").isBetween(metal - 257, metal + 257);
  }

  /**
   * A bead that is all guard around its stroke, cut off from the metal around it: the source
   * beyond the guard is no tone of the bead, so nothing is taken for a halo and the stroke takes the
   * bead's tone (it came out as a ring, 20000 inside a 50000 bead; a reviewer's probe).
   */
  @Test
  void aStrokeInABeadOfGuardTakesTheBeadsTone() {
    Planar layer = Planar.create(3, 120, 100);
    GrayU16 alpha = new GrayU16(120, 100);
    GrayU16 healMask = new GrayU16(120, 100);
    Rect stroke = new Rect(50, 50, 58, 58);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 120; x++) {
        boolean bead = x >= 48 && x < 60 && y >= 48 && y < 60;
        boolean body = x < 30 || x >= 90;
        for (int c = 0; c < 3; c++) {
          layer.bands[c].set(x, y, bead ? 50000 : 20000);
        }
        alpha.set(x, y, bead || body ? 65535 : 0);
        healMask.set(x, y, stroke.contains(x, y) ? 65535 : 0);
      }
    }
    Planar healed = HealOps.heal(layer, alpha, healMask, HealConfig.defaults(), Progress.NONE);
    for (int x = stroke.left(); x < stroke.right(); x++) {
      assertThat(healed.bands[0].get(x, 54)).as("(%d, 54)", x).isEqualTo(50000);
    }
  }

  /**
   * A stroke across a 4 px gold wire, with a dark stone far away: the wire holds no whole patch, so
   * the fill comes from the wire around the stroke. A patch fill that widened its crop until it
   * found whole patches healed the wire with the stone's colour (a reviewer's probe).
   */
  @Test
  void aStrokeAcrossAThinWireIsHealedFromTheWireNotFromADistantStone() {
    int w = 400;
    int h = 300;
    Planar layer = Planar.create(3, w, h);
    GrayU16 alpha = new GrayU16(w, h);
    GrayU16 heal = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean wire = y >= 50 && y < 54 && x >= 20 && x < 380;
        boolean stone = x >= 300 && x < 380 && y >= 200 && y < 280;
        for (int c = 0; c < 3; c++) {
          layer.bands[c].set(x, y, wire ? 50000 : stone ? 8000 : 0);
        }
        alpha.set(x, y, wire || stone ? 65535 : 0);
      }
    }
    for (int y = 50; y < 54; y++) {
      heal.set(100, y, 65535);
    }
    Planar out = HealOps.heal(layer, alpha, heal, HealConfig.defaults(), Progress.NONE);
    for (int y = 50; y < 54; y++) {
      assertThat(out.bands[0].get(100, y)).as("healed (100, %d)", y).isEqualTo(50000);
    }
  }

  /** Transparent pixels of a layer often hold junk colour: they must never be sampled. */
  @Test
  void transparentAndSemiTransparentPixelsAreNeverSampled() {
    int w = 90;
    int h = 70;
    Planar layer = Planar.create(3, w, h);
    GrayU16 alpha = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean metal = x >= 20 && x < 70;
        boolean edge = x == 19 || x == 70;
        alpha.set(x, y, metal ? 65535 : edge ? 30000 : 0);
        int stripe = ((x + y) / 4) % 2 == 0 ? 30000 : 40000;
        layer.bands[0].set(x, y, metal ? stripe : 0);
        layer.bands[1].set(x, y, metal ? stripe - 5000 : 65535); // junk green under the transparency
        layer.bands[2].set(x, y, metal ? stripe - 10000 : 0);
      }
    }
    GrayU16 small = Synth.disc(new GrayU16(w, h), 24, 20, 4, 65535); // touches the transparent edge
    GrayU16 large = Synth.disc(new GrayU16(w, h), 45, 45, 13, 65535); // PatchMatch-sized
    for (GrayU16 healMask : new GrayU16[] {small, large}) {
      Planar healed = HealOps.heal(layer, alpha, healMask, HealConfig.defaults(), Progress.NONE);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (healMask.get(x, y) > 0) {
            assertThat(healed.bands[1].get(x, y)).as("green at (%d,%d)", x, y).isLessThanOrEqualTo(35000 + 2000);
          }
        }
      }
      Planar onViews = HealOps.heal(Synth.asView(layer, 1), Synth.asView(alpha, 2), Synth.asView(healMask, 3),
          HealConfig.defaults(), Progress.NONE);
      assertThat(onViews.sameSamples(healed)).isTrue();
    }
  }

  @Test
  void aMaskCoveringEveryOpaquePixelIsRejected() {
    GrayU16 alpha = Synth.disc(new GrayU16(20, 20), 10, 10, 5, 65535);
    assertThatThrownBy(() -> HealOps.heal(Planar.create(3, 20, 20), alpha, GrayU16.filled(20, 20, 65535),
        HealConfig.defaults(), Progress.NONE)).isInstanceOf(UnsuitableInputException.class)
        .hasMessage("the heal area covers every opaque pixel of the jewelry layer: nothing of the piece is left to "
            + "heal from; paint only the flaws");
    GrayU16 faded = Synth.disc(new GrayU16(20, 20), 10, 10, 5, 40000);
    GrayU16 stroke = Synth.disc(new GrayU16(20, 20), 10, 10, 2, 65535);
    assertThatThrownBy(() -> HealOps.heal(Planar.create(3, 20, 20), faded, stroke, HealConfig.defaults(), Progress.NONE))
        .isInstanceOf(UnsuitableInputException.class)
        .hasMessageStartingWith("the jewelry layer has no fully opaque pixel to heal from");
  }

  /** Mean of healed − as shot over the stroke and the three bands, in 8-bit levels. */
  private static double meanOffset(Planar healed, Planar asShot, Rect stroke) {
    double sum = 0;
    for (int y = stroke.top(); y < stroke.bottom(); y++) {
      for (int x = stroke.left(); x < stroke.right(); x++) {
        for (int c = 0; c < 3; c++) {
          sum += healed.bands[c].get(x, y) - asShot.bands[c].get(x, y);
        }
      }
    }
    return sum / (3.0 * stroke.width() * stroke.height()) / 257;
  }

  /** Root mean square of healed − as shot over the stroke and the three bands, in 8-bit levels. */
  private static double rmse(Planar healed, Planar asShot, Rect stroke) {
    double sum = 0;
    for (int y = stroke.top(); y < stroke.bottom(); y++) {
      for (int x = stroke.left(); x < stroke.right(); x++) {
        for (int c = 0; c < 3; c++) {
          double e = (healed.bands[c].get(x, y) - asShot.bands[c].get(x, y)) / 257.0;
          sum += e * e;
        }
      }
    }
    return Math.sqrt(sum / (3.0 * stroke.width() * stroke.height()));
  }

  /** Mean |inside − outside| over the pixel pairs across the stroke's outline, in 8-bit levels. */
  private static double outlineStep(Planar inside, Planar outside, Rect stroke) {
    double sum = 0;
    int n = 0;
    for (int y = stroke.top(); y < stroke.bottom(); y++) {
      for (int[] pair : new int[][] {{stroke.left(), stroke.left() - 1}, {stroke.right() - 1, stroke.right()}}) {
        for (int c = 0; c < 3; c++) {
          sum += Math.abs(inside.bands[c].get(pair[0], y) - outside.bands[c].get(pair[1], y));
          n++;
        }
      }
    }
    for (int x = stroke.left(); x < stroke.right(); x++) {
      for (int[] pair : new int[][] {{stroke.top(), stroke.top() - 1}, {stroke.bottom() - 1, stroke.bottom()}}) {
        for (int c = 0; c < 3; c++) {
          sum += Math.abs(inside.bands[c].get(x, pair[0]) - outside.bands[c].get(x, pair[1]));
          n++;
        }
      }
    }
    return sum / n / 257;
  }

  private static boolean opaqueRect(GrayU16 alpha, Rect r) {
    if (r.left() < 0 || r.top() < 0 || r.right() > alpha.width || r.bottom() > alpha.height) {
      return false;
    }
    for (int y = r.top(); y < r.bottom(); y++) {
      for (int x = r.left(); x < r.right(); x++) {
        if (alpha.get(x, y) != 65535) {
          return false;
        }
      }
    }
    return true;
  }

  /** The first pixel (raster order from the band's middle height) with a fully opaque disc around it. */
  private static int[] bandSpot(GrayU16 alpha, int radius) {
    for (int y = alpha.height / 2; y < alpha.height - radius; y++) {
      for (int x = radius; x < alpha.width - radius; x++) {
        if (opaqueDisc(alpha, x, y, radius)) {
          return new int[] {x, y};
        }
      }
    }
    throw new AssertionError("no opaque spot of radius " + radius);
  }

  private static boolean opaqueDisc(GrayU16 alpha, int cx, int cy, int r) {
    for (int y = cy - r; y <= cy + r; y++) {
      for (int x = cx - r; x <= cx + r; x++) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && alpha.get(x, y) != 65535) {
          return false;
        }
      }
    }
    return true;
  }
}
