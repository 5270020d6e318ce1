// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.composite.Compositor;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/**
 * The frequency-separation layers as written, switched on over the picture the job delivers: every
 * pixel stays within the recipes' rounding (one 8-bit level), the jewelry's anti-aliased edge
 * included, also over a new background the job put beneath the jewelry. Split from the jewelry
 * layer alone and shaped by its coverage, the edge was off by a(1 − a)(J − B); split over the old
 * background, a white background's edge ring took the old one back (a reviewer: 165 levels).
 */
class FrequencySeparationLayersTest {
  @Test
  void showing_the_group_moves_no_pixel_by_more_than_one_level_edges_included() {
    for (BitDepth depth : BitDepth.values()) {
      for (boolean newBackground : new boolean[] {false, true}) {
        check(depth, newBackground);
      }
    }
  }

  /** @param newBackground whether the job put a white layer beneath the jewelry (a white background) */
  private static void check(BitDepth depth, boolean newBackground) {
    int w = 64;
    int h = 48;
    Random random = new Random(11);
    Planar beneath = Planar.create(3, w, h);
    Planar piece = Planar.create(3, w, h);
    GrayU16 mask = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - 30, y - 22) - 14;
        for (int c = 0; c < 3; c++) {
          beneath.bands[c].set(x, y, quantise(depth, 5000 + random.nextInt(3000)));
          piece.bands[c].set(x, y, quantise(depth, 40000 + random.nextInt(25000)));
        }
        mask.set(x, y, d < -1 ? 65535 : d < 1 ? quantise(depth, (int) (65535 * (1 - d) / 2)) : 0);
      }
    }
    ProtectedLayer jewel = new ProtectedLayer(piece, null, mask, Rect.ofSize(w, h), 255);
    RetouchInput in = new RetouchInput(beneath, depth, jewel.documentCoverage(w, h), jewel, null, null);
    Planar white = Planar.create(3, w, h);
    for (GrayU16 band : white.bands) {
      java.util.Arrays.fill(band.data, (short) 65535);
    }
    List<OutputLayer> added = newBackground ? List.of(new OutputLayer("white", white, null, null, Rect.ofSize(w, h),
        loupe.engine.composite.BlendMode.NORMAL, 255, true, Placement.BELOW, "Loupe test")) : List.of();
    // What a document of this depth shows: its composite holds values of that depth.
    Planar shown = Compositor.flatten(beneath, FidelityGuard.stack(in, added));
    for (GrayU16 band : shown.bands) {
      depth.quantize(band);
    }

    List<OutputLayer> group = FrequencySeparationLayers.of(in, 4, added);
    assertThat(group).hasSize(2);
    List<CompositeLayer> visible = new ArrayList<>();
    for (OutputLayer l : group) {
      CompositeLayer c = l.asComposite();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int lx = x - c.bounds().left();
          int ly = y - c.bounds().top();
          boolean inside = lx >= 0 && ly >= 0 && lx < c.bounds().width() && ly < c.bounds().height();
          assertThat(inside ? c.coverage(lx, ly) : 0).as("%s at (%d, %d)", l.name(), x, y)
              .isEqualTo(mask.get(x, y) > 0 ? 65535 : 0);
        }
      }
      visible.add(new CompositeLayer(c.pixels(), c.alpha(), c.mask(), c.bounds(), c.blend(), c.opacity(), true));
    }
    Planar withGroup = Compositor.flatten(shown, visible);
    for (GrayU16 band : withGroup.bands) {
      depth.quantize(band);
    }

    int worst = 0;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          worst = Math.max(worst, Math.abs(withGroup.bands[c].get(x, y) - shown.bands[c].get(x, y)));
        }
      }
    }
    // 16 bits: the split's own error (at most 2 units) plus the rounding of the Low layer's composite.
    assertThat(worst).as("%s%s: largest change, 16-bit units", depth, newBackground ? " over a new background" : "")
        .isLessThanOrEqualTo(depth == BitDepth.EIGHT ? 257 : 3);
  }

  private static int quantise(BitDepth depth, int value) {
    return depth == BitDepth.EIGHT ? Math.round(value / 257f) * 257 : value;
  }
}
