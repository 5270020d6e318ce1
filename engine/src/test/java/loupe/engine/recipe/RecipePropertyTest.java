// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.composite.Compositor;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import loupe.engine.testing.Trials;

/**
 * The product's promise, recipe by recipe and background mode by mode, on small random shots: a
 * magenta piece (high red and blue, green below {@link #JEWEL_GREEN}; the background's green is at
 * least 16000) with a soft rim, flat or on its own layer, 8 or 16 bit, over a noisy sweep with dust.
 * Half the layered pieces carry a heal stroke painted across their edge (healed by Editorial only).
 */
class RecipePropertyTest {
  static final int JEWEL_GREEN = 4000;

  record Scene(RetouchInput input, String label) {}

  static Scene scene(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = 40 + r.nextInt(25);
    int h = 40 + r.nextInt(25);
    BitDepth depth = r.nextBoolean() ? BitDepth.EIGHT : BitDepth.SIXTEEN;
    boolean layered = r.nextBoolean();
    GrayU16 product = product(r, w, h);
    double[] base = {16000 + r.nextInt(46000), 16000 + r.nextInt(46000), 16000 + r.nextInt(46000)};
    double gx = (r.nextDouble() - 0.5) * 100;
    double gy = (r.nextDouble() - 0.5) * 100;
    Planar shot = Planar.create(3, w, h);
    Planar jewel = Planar.create(3, w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double p = product.get(x, y) / 65535.0;
        int[] piece = {50000 + r.nextInt(15536), r.nextInt(JEWEL_GREEN / 2), 50000 + r.nextInt(15536)};
        for (int c = 0; c < 3; c++) {
          double sweep = Math.min(65535, base[c] + gx * x + gy * y + r.nextInt(800) - 400);
          jewel.bands[c].set(x, y, piece[c]);
          shot.bands[c].set(x, y, (int) Math.round(sweep * (1 - p) + piece[c] * p));
        }
      }
    }
    int specks = r.nextInt(4);
    for (int i = 0; i < specks; i++) {
      int sx = 2 + r.nextInt(w - 4);
      int sy = 2 + r.nextInt(h - 4);
      if (product.get(sx, sy) == 0) {
        for (GrayU16 band : shot.bands) {
          band.subimage(sx - 1, sy - 1, sx + 1, sy + 1).fill(8000);
        }
      }
    }
    for (int c = 0; c < 3; c++) {
      depth.quantize(shot.bands[c]);
      depth.quantize(jewel.bands[c]);
    }
    ProtectedLayer layer = layered ? new ProtectedLayer(jewel, product.copy(), null, Rect.ofSize(w, h), 255) : null;
    GrayU16 heal = layered && r.nextBoolean() ? strokeAcrossTheEdge(r, product) : null;
    return new Scene(new RetouchInput(shot, depth, product, layer, heal, null),
        String.format("%dx%d %s %s%s", w, h, depth, layered ? "layered" : "flat", heal != null ? " healed" : ""));
  }

  /** One to three soft-rimmed discs (rim 1–3 px) covering at most about a fifth of the frame. */
  static GrayU16 product(SplittableRandom r, int w, int h) {
    GrayU16 p = new GrayU16(w, h);
    int discs = 1 + r.nextInt(3);
    for (int i = 0; i < discs; i++) {
      double cx = w * (0.2 + 0.6 * r.nextDouble());
      double cy = h * (0.2 + 0.6 * r.nextDouble());
      double radius = Math.min(w, h) * (0.08 + 0.1 * r.nextDouble());
      double rim = 1 + 2 * r.nextDouble();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double inside = (radius + rim - Math.hypot(x - cx, y - cy)) / rim;
          int v = (int) Math.round(65535 * Math.max(0, Math.min(1, inside)));
          p.set(x, y, Math.max(p.get(x, y), v));
        }
      }
    }
    return p;
  }

  /** A 7×7 square centred on a random rim pixel (0 &lt; P &lt; 65535): half on the piece, half beside it. */
  static GrayU16 strokeAcrossTheEdge(SplittableRandom r, GrayU16 product) {
    List<int[]> rim = new ArrayList<>();
    for (int y = 3; y < product.height - 3; y++) {
      for (int x = 3; x < product.width - 3; x++) {
        int p = product.get(x, y);
        if (p > 0 && p < 65535) {
          rim.add(new int[] {x, y});
        }
      }
    }
    int[] at = rim.get(r.nextInt(rim.size()));
    GrayU16 heal = new GrayU16(product.width, product.height);
    heal.subimage(at[0] - 3, at[1] - 3, at[0] + 4, at[1] + 4).fill(65535);
    return heal;
  }

  static List<RetouchResult> runAll(RetouchInput in) {
    List<RetouchResult> results = new ArrayList<>();
    for (Recipe recipe : Recipe.values()) {
      for (BackgroundMode mode : BackgroundMode.values()) {
        results.add(RecipeRunner.run(recipe, in, RecipeOptions.defaults(recipe).withBackground(mode), Progress.NONE));
      }
    }
    return results;
  }

  /** Bottom to top: layers placed below, the jewelry layer (if any), layers placed above. */
  static Planar flatten(RetouchInput in, List<OutputLayer> added) {
    List<CompositeLayer> stack = new ArrayList<>();
    added.stream().filter(l -> l.placement() == Placement.BELOW).forEach(l -> stack.add(l.asComposite()));
    if (in.jewelry() != null) {
      stack.add(in.jewelry().asComposite());
    }
    added.stream().filter(l -> l.placement() == Placement.ABOVE).forEach(l -> stack.add(l.asComposite()));
    return Compositor.flatten(in.image(), stack);
  }

  @Trials(count = 5, seed = 20261130L)
  void everyFullyProtectedPixelIsBitIdenticalInTheFlattenedResult(long seed) {
    Scene s = scene(seed);
    RetouchInput in = s.input();
    Planar before = flatten(in, List.of());
    for (RetouchResult result : runAll(in)) {
      Planar after = flatten(in, result.layers());
      for (int y = 0; y < in.height(); y++) {
        for (int x = 0; x < in.width(); x++) {
          boolean healed = result.recipe() == Recipe.EDITORIAL && in.healMask() != null && in.healMask().get(x, y) > 0;
          if (in.productMask().get(x, y) != 65535 || healed) {
            continue;
          }
          for (int c = 0; c < 3; c++) {
            assertThat(after.bands[c].get(x, y)).as("%s, %s: band %d at (%d, %d)", s.label(), result.notes(), c, x, y)
                .isEqualTo(before.bands[c].get(x, y));
          }
        }
      }
    }
  }

  /** Checked on every layer, shown or hidden (a hidden one may be switched on). */
  @Trials(count = 5, seed = 20261201L)
  void theJewelryColourAppearsInNoOutputLayerOutsideTheProduct(long seed) {
    Scene s = scene(seed);
    RetouchInput in = s.input();
    for (RetouchResult result : runAll(in)) {
      for (OutputLayer layer : result.layers()) {
        CompositeLayer c = layer.asComposite();
        Rect area = layer.bounds().intersect(Rect.ofSize(in.width(), in.height()));
        for (int y = area.top(); y < area.bottom(); y++) {
          for (int x = area.left(); x < area.right(); x++) {
            int lx = x - layer.bounds().left();
            int ly = y - layer.bounds().top();
            if (in.productMask().get(x, y) > 0 || c.coverage(lx, ly) == 0) {
              continue;
            }
            Planar px = layer.pixels();
            boolean magenta = px.bands[0].get(lx, ly) > 40000 && px.bands[1].get(lx, ly) < JEWEL_GREEN
                && px.bands[2].get(lx, ly) > 40000;
            assertThat(magenta).as("%s, %s, layer '%s' at (%d, %d)", s.label(), result.recipe(), layer.name(), x, y)
                .isFalse();
          }
        }
      }
    }
  }
}
