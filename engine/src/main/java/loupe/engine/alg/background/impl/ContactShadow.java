// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.background.SweepConfig;
import loupe.engine.alg.background.SweepModel;
import loupe.engine.alg.denoise.DenoiseConfig;
import loupe.engine.alg.denoise.DenoiseOps;
import loupe.engine.alg.denoise.impl.ChamferDistance;
import loupe.engine.alg.denoise.impl.StripRunner;
import loupe.engine.alg.mask.impl.FloodFill;
import loupe.engine.alg.mask.impl.Neighbours8;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The product's contact shadow, measured against the fitted sweep and kept as a Multiply layer.
 *
 * <p>Near the product (within {@code shadowReach} of any P &gt; 0 pixel) the shot's background is
 * denoised with the mask-aware guided filter (never reading product or excluded pixels), and the
 * fraction of light lost relative to the fitted sweep·vignette is the shadow density δ = 1 −
 * observed/model, per band, in linear light. Pixels the caller excluded (props, the prop's own
 * shadow, dust) and pixels under the product are not measured: their density is filled smoothly
 * from the measured neighbours ({@link PushPull}), so a prop's shadow is dropped while a product
 * shadow running under the prop continues. Small pockets of background that the product and the
 * excluded props enclose (a chain link's hole over a prop) are not measured either: the prop seen
 * through them cannot be told from shadow. The density fades out with distance over the last
 * quarter of the reach, and the layer mask drops darkening below half of {@code shadowThreshold}
 * and fades it in up to the full threshold (smoothstep), so model residue is not kept as shadow.
 *
 * <p>The layer value is encode(B·(1 − δ)) / encode(B) for the new background B (linear): Multiply
 * on document values then reproduces the measured darkening exactly on any background, white
 * included.
 */
public final class ContactShadow {
  private static final double FADE = 0.25;
  /** Side, as a fraction of the image diagonal, of the smallest region of background measured (area = side²). */
  private static final double POCKET = 0.01;
  /**
   * The darkest sweep a shadow can be measured on: one 8-bit level. Below it (a piece knocked out on
   * black) the fitter's floor made every pixel a full shadow, painted around the piece on the new white.
   */
  private static final double MEASURABLE = Srgb.decode(257);

  private ContactShadow() {}

  /** Shadow layer and its mask, both full frame. */
  public record Layers(Planar layer, GrayU16 mask) {}

  /**
   * @param image Not modified
   * @param product P; Not modified
   * @param nonSample max(P, exclude); Not modified
   */
  public static Layers extract(Planar image, GrayU16 product, GrayU16 nonSample, SweepModel model, SweepConfig cfg,
      Progress progress) {
    int w = image.width;
    int h = image.height;
    int bands = image.numBands();
    Planar layer = Planar.create(bands, w, h);
    for (GrayU16 band : layer.bands) {
      band.fill(65535);
    }
    GrayU16 mask = new GrayU16(w, h);
    double reach = cfg.shadowReach() * Math.hypot(w, h);
    if (reach < 1) {
      return new Layers(layer, mask);
    }
    int cap = ChamferDistance.UNIT * (int) Math.ceil(reach);
    int[] distance = new int[w * h];
    ChamferDistance.compute(product, 0, h, cap, distance);
    Rect zone = zone(distance, w, h, cap);
    if (zone.isEmpty()) {
      return new Layers(layer, mask);
    }
    Planar observed = smoothed(image, nonSample, zone, progress);
    double pocket = POCKET * Math.hypot(w, h);
    float[][] density = measure(observed, product, nonSample, model, zone, cfg.holeFade() * Math.hypot(w, h),
        (int) Math.ceil(pocket * pocket));
    double fadeStart = (1 - FADE) * cap;
    int zw = zone.width();
    // Scratch per worker: the new background per band, then one row of vignette gains.
    StripRunner.run(zone.height(), 64, () -> new double[bands + 1][zw], (rows, r0, r1) -> {
      double[] deltas = new double[bands];
      for (int y = zone.top() + r0; y < zone.top() + r1; y++) {
        BackgroundRenderer.rows(model, cfg, y, zone.left(), zw, rows[bands], rows);
        for (int i = 0; i < zw; i++) {
          int x = zone.left() + i;
          int d = distance[y * w + x];
          double reachWeight = d >= cap ? 0 : Math.min(1, (cap - d) / (cap - fadeStart));
          double strongest = 0;
          for (int c = 0; c < bands; c++) {
            deltas[c] = reachWeight * density[c][(y - zone.top()) * zw + i];
            strongest = Math.max(strongest, deltas[c]);
          }
          double t = Math.max(0, Math.min(1, (2 * strongest / cfg.shadowThreshold()) - 1));
          int m = (int) Math.round(65535 * t * t * (3 - 2 * t));
          mask.data[mask.index(x, y)] = (short) m;
          if (m == 0) {
            continue;
          }
          for (int c = 0; c < bands; c++) {
            double b = rows[c][i];
            double ratio = Srgb.encodeExact(b * (1 - deltas[c])) / Math.max(1e-9, Srgb.encodeExact(b));
            GrayU16 band = layer.bands[c];
            band.data[band.index(x, y)] = (short) Math.round(65535 * Math.min(1, ratio));
          }
        }
      }
    }, progress, "contact shadow");
    return new Layers(layer, mask);
  }

  private static Rect zone(int[] distance, int w, int h, int cap) {
    int left = w;
    int top = h;
    int right = 0;
    int bottom = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (distance[y * w + x] < cap) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y + 1);
        }
      }
    }
    return right <= left ? new Rect(0, 0, 0, 0) : new Rect(left, top, right, bottom);
  }

  /** The shot denoised inside the zone, reading only sample pixels (nonSample == 0). */
  private static Planar smoothed(Planar image, GrayU16 nonSample, Rect zone, Progress progress) {
    Planar view = image.subimage(zone.left(), zone.top(), zone.right(), zone.bottom());
    GrayU16 maskView = nonSample.subimage(zone.left(), zone.top(), zone.right(), zone.bottom());
    DenoiseConfig strong = new DenoiseConfig(1.0, DenoiseConfig.DEFAULT.radius(), DenoiseConfig.DEFAULT.edgeSigmas(), 0);
    return DenoiseOps.denoiseBackground(view, maskView, DenoiseOps.estimateNoise(image, nonSample), null, strong,
        progress);
  }

  /**
   * Filled density decays as exp(−d/L) with the distance d from the nearest measured pixel: a
   * shadow runs on under a dust speck or a hair, but does not spread from a prop's rim across the
   * prop's whole footprint.
   */
  private static void fadeIntoHoles(float[][] density, float[] weight, int zw, int zh, double fade) {
    GrayU16 measured = new GrayU16(zw, zh);
    for (int i = 0; i < weight.length; i++) {
      measured.data[i] = (short) (weight[i] > 0 ? 65535 : 0);
    }
    int cap = ChamferDistance.UNIT * (int) Math.ceil(8 * fade);
    int[] inside = new int[zw * zh];
    ChamferDistance.compute(measured, 0, zh, cap, inside);
    for (int i = 0; i < inside.length; i++) {
      if (inside[i] > 0) {
        double f = Math.exp(-inside[i] / (ChamferDistance.UNIT * fade));
        for (float[] band : density) {
          band[i] *= (float) f;
        }
      }
    }
  }

  /**
   * Clears the weight of every 8-connected region of sample pixels smaller than {@code minArea} that
   * borders an excluded (or guard) pixel: a pocket the product and the props enclose, such as a
   * chain link's hole over an acrylic block that the prop detector left unmarked. The prop seen
   * through it looks like a deep shadow, and the fill would carry that across the prop's footprint
   * (dev02 with the jewelry on its own layer: 97.1 → 98.9 % of the defects gone). A link's hole over
   * the plain sweep borders only the product and is measured: it holds the chain's own shadow.
   * Regions are traced only within the pocket's side of the props (a pocket that reaches farther
   * stays measured), so the open sweep is never flooded: cost follows the props' outline.
   *
   * @param weight Modified
   * @param prop excluded or guard pixels (not sampled, not product); Not modified
   */
  private static void dropPockets(float[] weight, boolean[] prop, int zw, int zh, int minArea) {
    GrayU16 sources = new GrayU16(zw, zh);
    for (int i = 0; i < prop.length; i++) {
      sources.data[i] = (short) (prop[i] ? 65535 : 0);
    }
    int reach = ChamferDistance.UNIT * (int) Math.ceil(Math.sqrt(minArea));
    int[] distance = new int[zw * zh];
    ChamferDistance.compute(sources, 0, zh, reach + ChamferDistance.UNIT, distance);
    boolean[] near = new boolean[weight.length];
    for (int i = 0; i < near.length; i++) {
      near[i] = weight[i] > 0 && distance[i] <= reach;
    }
    boolean[] seen = new boolean[weight.length];
    int[] around = new int[Neighbours8.MAX];
    FloodFill flood = new FloodFill(zw, zh);
    for (int i = 0; i < weight.length; i++) {
      if (!near[i] || seen[i] || distance[i] > ChamferDistance.UNIT + 1) {
        continue; // regions are entered from a pixel next to a prop
      }
      int count = flood.fill(i, seen, q -> near[q]);
      int[] members = flood.members();
      if (count >= minArea || leaves(members, count, weight, near, around, zw, zh)) {
        continue;
      }
      for (int k = 0; k < count; k++) {
        weight[members[k]] = 0;
      }
    }
  }

  /** Whether a member has a sample 8-neighbour beyond {@code near}: the region goes on past the traced band. */
  private static boolean leaves(int[] members, int count, float[] weight, boolean[] near, int[] around, int w,
      int h) {
    for (int k = 0; k < count; k++) {
      int n = Neighbours8.of(members[k], w, h, around);
      for (int j = 0; j < n; j++) {
        if (weight[around[j]] > 0 && !near[around[j]]) {
          return true;
        }
      }
    }
    return false;
  }

  /** δ per band over the zone: measured where nonSample == 0 outside pockets, filled elsewhere. */
  private static float[][] measure(Planar observed, GrayU16 product, GrayU16 nonSample, SweepModel model, Rect zone,
      double holeFade, int minArea) {
    int zw = zone.width();
    int zh = zone.height();
    int bands = observed.numBands();
    float[][] density = new float[bands][zw * zh];
    float[] weight = new float[zw * zh];
    boolean[] prop = new boolean[zw * zh];
    for (int y = 0; y < zh; y++) {
      int row = nonSample.startIndex + (y + zone.top()) * nonSample.stride + zone.left();
      for (int x = 0; x < zw; x++) {
        weight[y * zw + x] = nonSample.data[row + x] == 0 ? 1f : 0f;
        prop[y * zw + x] = weight[y * zw + x] == 0 && product.get(x + zone.left(), y + zone.top()) == 0;
      }
    }
    dropPockets(weight, prop, zw, zh, minArea);
    IntStream.range(0, bands).parallel().forEach(c -> {
      GrayU16 band = observed.bands[c];
      double[] sweep = new double[zw];
      double[] vignette = new double[zw];
      for (int y = 0; y < zh; y++) {
        int iy = y + zone.top();
        model.sweepRow(c, iy, zone.left(), zw, sweep);
        model.vignetteRow(iy, zone.left(), zw, vignette);
        for (int x = 0; x < zw; x++) {
          if (weight[y * zw + x] == 0) {
            continue;
          }
          double expected = sweep[x] * vignette[x];
          if (expected < MEASURABLE) {
            continue;
          }
          double seen = Srgb.decode(band.data[band.startIndex + y * band.stride + x] & 0xFFFF);
          density[c][y * zw + x] = (float) Math.max(0, Math.min(1, 1 - seen / expected));
        }
      }
      PushPull.fill(density[c], weight, zw, zh);
    });
    fadeIntoHoles(density, weight, zw, zh, holeFade);
    return density;
  }
}
