// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.testing.Trials;
import org.junit.jupiter.api.Test;

/** {@link Compositor#flatten} against a naive per-pixel oracle of its documented formula. */
class CompositorTest {
  @Trials(count = 60, seed = 20261130L)
  void flatten_matches_the_per_pixel_formula_on_random_layers_and_views(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int bands = r.nextBoolean() ? 3 : 1;
    int w = 1 + r.nextInt(70);
    int h = 1 + r.nextInt(50);
    Planar base = view(random(bands, w, h, r), r);
    List<CompositeLayer> layers = new ArrayList<>();
    for (int k = r.nextInt(4); k >= 0; k--) {
      int lw = 1 + r.nextInt(w + 20);
      int lh = 1 + r.nextInt(h + 20);
      int left = r.nextInt(-10, w + 5);
      int top = r.nextInt(-10, h + 5);
      Rect bounds = new Rect(left, top, left + lw, top + lh);
      GrayU16 alpha = r.nextBoolean() ? null : view(random(1, lw, lh, r), r).band(0);
      GrayU16 mask = r.nextBoolean() ? null : view(random(1, lw, lh, r), r).band(0);
      BlendMode blend = BlendMode.values()[r.nextInt(BlendMode.values().length)];
      int opacity = r.nextInt(4) == 0 ? 255 : r.nextInt(256);
      layers.add(new CompositeLayer(view(random(bands, lw, lh, r), r), alpha, mask, bounds, blend, opacity, r.nextInt(5) > 0));
    }
    Planar expected = naive(base, layers);
    Planar actual = Compositor.flatten(base, layers);
    for (int c = 0; c < bands; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          assertThat(actual.bands[c].get(x, y)).as("band %d at (%d, %d)", c, x, y).isEqualTo(expected.bands[c].get(x, y));
        }
      }
    }
  }

  @Test
  void full_coverage_copies_the_source_and_zero_coverage_keeps_the_destination() {
    Planar base = Planar.create(1, 2, 1);
    base.bands[0].set(0, 0, 1234);
    base.bands[0].set(1, 0, 4321);
    Planar src = Planar.create(1, 2, 1);
    src.bands[0].set(0, 0, 65535);
    src.bands[0].set(1, 0, 7);
    GrayU16 alpha = new GrayU16(2, 1);
    alpha.set(0, 0, 0);
    alpha.set(1, 0, 65535);
    Planar out = Compositor.flatten(base, List.of(new CompositeLayer(src, alpha, null, new Rect(0, 0, 2, 1), BlendMode.NORMAL, 255, true)));
    assertThat(out.bands[0].get(0, 0)).isEqualTo(1234);
    assertThat(out.bands[0].get(1, 0)).isEqualTo(7);
  }

  @Test
  void a_transparency_or_mask_of_another_size_than_the_layer_is_refused() {
    Planar pixels = Planar.create(1, 4, 2);
    Rect bounds = new Rect(0, 0, 4, 2);
    assertThatThrownBy(
        () -> new CompositeLayer(pixels, new GrayU16(3, 3), null, bounds, BlendMode.NORMAL, 255, true))
        .hasMessageContaining("layer alpha 3×3 does not match bounds");
    assertThatThrownBy(
        () -> new CompositeLayer(pixels, null, new GrayU16(4, 1), bounds, BlendMode.NORMAL, 255, true))
        .hasMessageContaining("layer mask 4×1 does not match bounds");
  }

  /** The documented formulas (coverage = alpha × mask × opacity, then over), pixel by pixel. */
  private static Planar naive(Planar base, List<CompositeLayer> layers) {
    Planar out = base.copy();
    for (CompositeLayer layer : layers) {
      if (!layer.visible()) {
        continue;
      }
      for (int y = 0; y < base.height; y++) {
        for (int x = 0; x < base.width; x++) {
          int lx = x - layer.bounds().left();
          int ly = y - layer.bounds().top();
          if (lx < 0 || ly < 0 || lx >= layer.bounds().width() || ly >= layer.bounds().height()) {
            continue;
          }
          long a = layer.alpha() == null ? 65535 : layer.alpha().get(lx, ly);
          if (layer.mask() != null) {
            a = (a * layer.mask().get(lx, ly) + 32767) / 65535;
          }
          a = (a * layer.opacity() * 257 + 32767) / 65535;
          for (int c = 0; c < base.numBands(); c++) {
            int d = out.bands[c].get(x, y);
            int s = layer.blend().blend(d, layer.pixels().bands[c].get(lx, ly));
            out.bands[c].set(x, y, (int) ((s * a + d * (65535 - a) + 32767) / 65535));
          }
        }
      }
    }
    return out;
  }

  private static Planar random(int bands, int w, int h, SplittableRandom r) {
    Planar p = Planar.create(bands, w, h);
    for (GrayU16 b : p.bands) {
      for (int i = 0; i < b.data.length; i++) {
        int pick = r.nextInt(8);
        b.data[i] = (short) (pick == 0 ? 0 : pick == 1 ? 65535 : r.nextInt(65536));
      }
    }
    return p;
  }

  /** Half the time, the same pixels as a sub-image view of a larger image (a stride and an offset). */
  private static Planar view(Planar p, SplittableRandom r) {
    if (r.nextBoolean()) {
      return p;
    }
    int mx = 1 + r.nextInt(5);
    int my = 1 + r.nextInt(5);
    Planar big = random(p.numBands(), p.width + 2 * mx, p.height + 2 * my, r);
    Planar v = big.subimage(mx, my, mx + p.width, my + p.height);
    for (int c = 0; c < p.numBands(); c++) {
      v.bands[c].setTo(p.bands[c]);
    }
    return v;
  }
}
