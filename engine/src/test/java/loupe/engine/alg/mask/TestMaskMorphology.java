// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import loupe.engine.image.GrayU16;
import org.junit.jupiter.api.Test;

class TestMaskMorphology {
  private static final double[] RADII = {0, 1, 1.5, 2.5, 4, 7.2};

  /** Sparse masks: a few blobs on an empty canvas, so radii matter. */
  private static GrayU16 sparse(Random rng, int w, int h) {
    GrayU16 m = new GrayU16(w, h);
    for (int i = 0; i < 3; i++) {
      int cx = rng.nextInt(w);
      int cy = rng.nextInt(h);
      int r = rng.nextInt(4);
      for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
        for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
          m.set(x, y, (x + y) % 3 == 0 ? 65535 : 1 + rng.nextInt(65535));
        }
      }
    }
    return m;
  }

  @Test
  void expand_and_guard_band_match_the_brute_force_distance_on_views() {
    Random rng = new Random(8);
    for (int trial = 0; trial < 4; trial++) {
      GrayU16 mask = sparse(rng, 31, 26);
      GrayU16 view = MaskTesting.inFrame(mask, 3, 3, 2, 5);
      for (double r : RADII) {
        GrayU16 expanded = MaskOps.expand(view, r, MaskTesting.framedOutput(31, 26));
        assertThat(expanded.sameSamples(MaskOpsNaive.expand(mask, r))).as("expand r=%s", r).isTrue();
        MaskTesting.assertFrameUntouched(expanded);
        GrayU16 guard = MaskOps.guardBand(view, r, MaskTesting.framedOutput(31, 26));
        assertThat(guard.sameSamples(MaskOpsNaive.guardBand(mask, r))).as("guard r=%s", r).isTrue();
        MaskTesting.assertFrameUntouched(guard);
      }
      MaskTesting.assertFrameUntouched(view);
    }
  }

  @Test
  void contract_is_the_exact_dual_of_expand() {
    Random rng = new Random(9);
    for (int trial = 0; trial < 4; trial++) {
      GrayU16 mask = MaskTesting.randomMask(rng, 33, 27);
      for (double r : RADII) {
        GrayU16 contracted = MaskOps.contract(mask, r, null);
        GrayU16 dual = MaskOps.invert(MaskOps.expand(MaskOps.invert(mask, null), r, null), null);
        assertThat(contracted.sameSamples(dual)).as("r=%s", r).isTrue();
        // Contracting only removes, expanding only adds.
        for (int y = 0; y < mask.height; y++) {
          for (int x = 0; x < mask.width; x++) {
            assertThat(contracted.get(x, y)).isIn(0, mask.get(x, y));
            assertThat(MaskOps.expand(mask, r, null).get(x, y)).isIn(65535, mask.get(x, y));
          }
        }
      }
    }
  }

  @Test
  void a_disk_grows_to_the_exact_euclidean_radius() {
    GrayU16 dot = new GrayU16(41, 41);
    dot.set(20, 20, 1);
    GrayU16 grown = MaskOps.expand(dot, 10, null);
    int count = 0;
    for (int y = 0; y < 41; y++) {
      for (int x = 0; x < 41; x++) {
        boolean inside = (x - 20) * (x - 20) + (y - 20) * (y - 20) <= 100;
        assertThat(grown.get(x, y)).isEqualTo(inside ? 65535 : 0);
        count += inside ? 1 : 0;
      }
    }
    assertThat(count).isEqualTo(317); // lattice points in a disk of radius 10 (Gauss circle problem)
    // The guard band is the same disk without the product pixel.
    assertThat(MaskOps.guardBand(dot, 10, null).get(20, 20)).isZero();
  }

  @Test
  void empty_and_full_masks_and_bad_radii() {
    GrayU16 empty = new GrayU16(12, 7);
    assertThat(MaskOps.expand(empty, 3, null).sameSamples(empty)).isTrue();
    assertThat(MaskOps.guardBand(empty, 3, null).sameSamples(empty)).isTrue();
    GrayU16 full = GrayU16.filled(12, 7, 65535);
    // The canvas border is not an edge of the product: contracting a full mask changes nothing.
    assertThat(MaskOps.contract(full, 3, null).sameSamples(full)).isTrue();
    assertThatThrownBy(() -> MaskOps.expand(empty, -1, null)).hasMessageContaining("radius");
    assertThatThrownBy(() -> MaskOps.guardBand(empty, Double.NaN, null)).hasMessageContaining("radius");
    assertThatThrownBy(() -> MaskOps.guardBand(empty, 2, empty)).hasMessageContaining("must not share");
  }

  @Test
  void inscribed_radius_matches_the_brute_force_distance_on_views() {
    Random rng = new Random(12);
    for (int trial = 0; trial < 6; trial++) {
      GrayU16 mask = MaskTesting.randomMask(rng, 23, 19);
      GrayU16 view = MaskTesting.inFrame(mask, 2, 4, 3, 1);
      for (int threshold : new int[] {1, 32768, 65535}) {
        long[][] d2 = MaskOpsNaive.squaredDistance(mask, 0, threshold - 1);
        long best = 0;
        boolean anyBelow = false;
        for (int y = 0; y < mask.height; y++) {
          for (int x = 0; x < mask.width; x++) {
            if (mask.get(x, y) >= threshold) {
              best = Math.max(best, d2[y][x]);
            } else {
              anyBelow = true;
            }
          }
        }
        assertThat(MaskOps.inscribedRadius(view, threshold)).as("threshold %d", threshold)
            .isEqualTo(anyBelow ? Math.sqrt(best) : 0);
      }
    }
    GrayU16 corner = GrayU16.filled(100, 100, 65535);
    corner.set(0, 0, 0);
    assertThat(MaskOps.inscribedRadius(corner, 65535)).as("farther than the long side").isEqualTo(Math.hypot(99, 99));
    assertThat(MaskOps.inscribedRadius(GrayU16.filled(5, 4, 65535), 1)).as("nothing below").isZero();
    assertThat(MaskOps.inscribedRadius(new GrayU16(5, 4), 1)).as("nothing at or above").isZero();
    assertThatThrownBy(() -> MaskOps.inscribedRadius(new GrayU16(5, 4), 0)).hasMessageContaining("threshold");
  }
}
