// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

/**
 * A flat, faintly tinted block (an acrylic prop) on a noisy sweep; on it a pendant: a textured
 * stone inside a thin ring of textured metal, with a narrow gap between the two that shows the
 * block. Beside it, on the sweep, a second stone with a flat facet of exactly the block's colour.
 * The flood cannot reach the gap (the ring walls it off, and it is too narrow to be a face of its
 * own), so it keeps the gap with the piece; the refiner gives it back. The facet, as narrow as the
 * gap and as large, stays jewelry: it lies inside a wide part of the piece, which the block's
 * appearance is never carried across.
 */
class PropInteriorRefinerTest {
  private static final int W = 800;
  private static final int H = 600;
  private static final double[] BLOCK = {171, 172, 173};
  private static final int CX = 400;
  private static final int CY = 330;
  private static final int RING_OUT = 60;
  private static final int RING_IN = 54;
  private static final int STONE = 40;
  private static final int FACET_X = 545;
  private static final int STONE2 = 38;
  /** Half-height and half-width of the flat facet: too narrow for a face of the flood's, long enough for a part. */
  private static final int FACET_H = 5;
  private static final int FACET_W = 26;

  private static boolean onBlock(int x, int y) {
    return x >= 300 && x < 500 && y >= 150 && y < 420;
  }

  private static boolean inFacet(int x, int y) {
    return Math.abs(x - FACET_X) <= FACET_W && Math.abs(y - CY) <= FACET_H;
  }

  /** Radius and angle around the pendant's centre, or the second stone's. */
  private static double r(int x, int y, int cx) {
    return Math.hypot(x - cx, y - CY);
  }

  private static Planar shot() {
    Random random = new Random(11);
    Planar image = Planar.create(3, W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double r1 = r(x, y, CX);
        double r2 = r(x, y, FACET_X);
        double[] c = {230 - 0.02 * y, 230 - 0.02 * y, 230 - 0.02 * y};
        if (onBlock(x, y)) {
          c = BLOCK.clone();
        }
        double metal = -1;
        if (r1 >= RING_IN && r1 <= RING_OUT) {
          // Polished wire: stripes round the ring.
          double a = Math.atan2(y - CY, x - CX);
          metal = 80 + 170 * Math.pow(0.5 + 0.5 * Math.cos(a * 40), 2);
        } else if (r1 <= STONE || (r2 <= STONE2 && !inFacet(x, y))) {
          metal = ((x / 4 + y / 4) % 2 == 0) ? 110 : 245; // facets, far from flat
        }
        if (metal >= 0) {
          c = new double[] {metal, metal, metal};
        } else if (inFacet(x, y)) {
          c = BLOCK.clone(); // a flat facet that mirrors something exactly the block's grey
        }
        for (int k = 0; k < 3; k++) {
          double v = c[k] + 2.0 * random.nextGaussian();
          image.bands[k].set(x, y, 257 * (int) Math.round(Math.max(0, Math.min(255, v))));
        }
      }
    }
    return image;
  }

  /** Pixels in the middle of the gap between stone and ring, on the block. */
  private static boolean inGapMiddle(int x, int y) {
    double r = r(x, y, CX);
    return Math.abs(r - (STONE + RING_IN) / 2.0) <= 1.5;
  }

  @Test
  void givesBackTheEnclosedPropAndKeepsTheFacet() {
    Planar image = shot();
    SegmentConfig cfg = SegmentConfig.defaults();
    WorkImage work = WorkImage.of(image, cfg.frameScale(W, H), Progress.NONE);
    assertThat(work.scale).isEqualTo(1.0);
    Plane[] sweep = SweepModel.fit(work, cfg.sweepDegree()).sample(work);
    boolean[] flooded = CoarseClassifier.jewelry(work, sweep, cfg);
    boolean[] released = PropInteriorRefiner.release(work, sweep, flooded, cfg);
    GrayU16 mask = new ClassicalSegmenter(cfg).segment(image, Progress.NONE);
    long gap = 0;
    long gapFlooded = 0;
    long gapReleased = 0;
    long gapBackground = 0;
    long facet = 0;
    long facetKept = 0;
    long facetReleased = 0;
    long metal = 0;
    long metalKept = 0;
    long metalLost = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = y * W + x;
        if (inGapMiddle(x, y)) {
          gap++;
          gapFlooded += flooded[i] ? 1 : 0;
          gapReleased += released[i] ? 0 : 1;
          gapBackground += mask.get(x, y) < 32768 ? 1 : 0;
        }
        if (inFacet(x, y)) {
          facet++;
          facetKept += mask.get(x, y) == 65535 ? 1 : 0;
          facetReleased += flooded[i] && !released[i] ? 1 : 0;
        }
        double r1 = r(x, y, CX);
        double r2 = r(x, y, FACET_X);
        // Metal away from the piece's outline against the sweep (which the edge pass decides as ever).
        if (r1 <= STONE - 1 || (r1 >= RING_IN + 1 && r1 <= RING_OUT - 1) || r2 <= STONE2 - 3 && !inFacet(x, y)) {
          metal++;
          metalKept += mask.get(x, y) == 65535 ? 1 : 0;
          metalLost += mask.get(x, y) < 32768 ? 1 : 0;
        }
      }
    }
    System.out.printf("prop interior: gap %d, flooded as jewelry %d, released %d, background in the mask %d;"
        + " facet %d kept %d; metal %d kept %d, lost %d%n", gap, gapFlooded, gapReleased, gapBackground, facet, facetKept,
        metal, metalKept, metalLost);
    // The flood alone keeps the gap with the piece: the refiner is what gives it back.
    assertThat((double) gapFlooded / gap).isGreaterThan(0.95);
    assertThat((double) gapReleased / gap).isGreaterThan(0.9);
    // The edge pass re-decides the narrow strip left between the rims it keeps with the piece.
    assertThat((double) gapBackground / gap).isGreaterThan(0.5);
    // The refiner itself leaves the facet alone (not just the rim it keeps for the edge pass).
    assertThat(facetReleased).isZero();
    assertThat(facetKept).isEqualTo(facet);
    assertThat(metalLost).isZero();
    assertThat((double) metalKept / metal).isGreaterThan(0.99);
  }

  @Test
  void leavesGrayShotsAsFlooded() {
    Planar color = shot();
    Planar gray = Planar.create(1, W, H);
    gray.bands[0].setTo(color.bands[1]);
    SegmentConfig cfg = SegmentConfig.defaults();
    WorkImage work = WorkImage.of(gray, 1, Progress.NONE);
    Plane[] sweep = SweepModel.fit(work, cfg.sweepDegree()).sample(work);
    boolean[] flooded = CoarseClassifier.jewelry(work, sweep, cfg);
    assertThat(PropInteriorRefiner.release(work, sweep, flooded, cfg)).isEqualTo(flooded).isNotSameAs(flooded);
  }
}
