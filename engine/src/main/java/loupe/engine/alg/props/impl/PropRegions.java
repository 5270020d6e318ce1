// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props.impl;

import java.util.Arrays;
import loupe.engine.Progress;
import loupe.engine.alg.mask.impl.Regions;
import loupe.engine.alg.props.PropConfig;

/**
 * The prop decision on the work image.
 *
 * <ol>
 *   <li>The sweep: a {@link RobustSurface} fitted to the work pixels away from the product.
 *   <li>{@link DeviationMaps}: gain and windowed chroma against it, with their noise levels. A
 *       pixel deviates when its gain or its chroma is beyond threshold.
 *   <li>Bodies: 8-connected regions of coloured pixels of at least {@code minBodyFraction} of the
 *       frame. A shadow only scales the light, so it is never coloured; a prop's material is.
 *       Pixels brighter than the sweep, and their neighbours, seed no body: a matte prop is lit no
 *       brighter than the paper, while a stone or metal part that the product mask missed sparkles.
 *       Nor is a region a body when its work pixels hide more detail than the sweep's (a missed
 *       prong or rim facets on a whiter sweep, whose highlights are no brighter than the paper).
 *   <li>Shadows and reflections: deviating pixels are shared out between the bodies and the
 *       product by geodesic distance through deviating pixels, with the bodies' distances
 *       weighted by {@code 1/productBias}; the bodies' share within {@code shadowReach} is the
 *       prop's, the product's share its contact shadow. The prop's shadow then runs on into the
 *       product's share where its darkness carries on ({@code shadowContinuation}).
 *   <li>Holes of the result (a putty's highlight that matches the sweep) are filled.
 * </ol>
 *
 * @param surface the fitted sweep
 * @param maps gain and chroma
 * @param gainThreshold |gain − 1| beyond which a pixel deviates
 * @param chromaThreshold chroma beyond which a pixel is coloured
 * @param body prop bodies
 * @param prop bodies with their shadows and reflections, holes filled; never a product block
 */
public record PropRegions(RobustSurface surface, DeviationMaps maps, double gainThreshold, double chromaThreshold,
    boolean[] body, boolean[] prop) {

  /** @param shot Not modified */
  public static PropRegions find(ReducedShot shot, PropConfig cfg, Progress progress) {
    int w = shot.width();
    int h = shot.height();
    boolean[] nearProduct = grow(shot.product(), w, h);
    boolean[] sample = new boolean[w * h];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = !nearProduct[i];
    }
    RobustSurface surface = RobustSurface.fit(logs(shot), sample, w, h, cfg.surfaceDegree());
    progress.checkCancelled();
    DeviationMaps maps = DeviationMaps.measure(shot, surface, sample, cfg.chromaRadius());
    double gainThreshold = Math.max(cfg.minDeviation(), cfg.gainSigmas() * maps.gainNoise());
    double chromaThreshold = Math.max(cfg.minChroma(), cfg.chromaFactor() * maps.chromaNoise());
    boolean[] bright = new boolean[w * h];
    for (int i = 0; i < bright.length; i++) {
      bright[i] = maps.gain()[i] > 1 + gainThreshold;
    }
    bright = grow(bright, w, h);
    boolean[] coloured = new boolean[w * h];
    boolean[] deviating = new boolean[w * h];
    for (int i = 0; i < coloured.length; i++) {
      if (!shot.product()[i]) {
        boolean colour = maps.chroma()[i] > chromaThreshold;
        coloured[i] = colour && !bright[i];
        deviating[i] = colour || Math.abs(maps.gain()[i] - 1) > gainThreshold;
      }
    }
    boolean[] body = sameMaterial(largeRegions(coloured, w, h, cfg.minBodyFraction() * w * h), coloured, maps,
        gainThreshold, chromaThreshold, cfg.minBodyFraction() * w * h / 4, w, h);
    body = withoutDetail(body, shot, surface, sample, cfg.maxBodyTexture());
    progress.checkCancelled();
    boolean[] prop = shareShadows(body, deviating, shot.product(), cfg, w, h);
    continueShadows(prop, body, deviating, maps.gain(), cfg, w, h);
    prop = Regions.fillHoles(prop, w, h);
    for (int i = 0; i < prop.length; i++) {
      prop[i] &= !shot.product()[i];
    }
    return new PropRegions(surface, maps, gainThreshold, chromaThreshold, body, prop);
  }

  private static float[][] logs(ReducedShot shot) {
    float[][] logs = new float[shot.numBands()][];
    for (int c = 0; c < logs.length; c++) {
      float[] linear = shot.linear()[c];
      logs[c] = new float[linear.length];
      for (int i = 0; i < linear.length; i++) {
        logs[c][i] = (float) Math.log(Math.max(1e-5f, linear[i]));
      }
    }
    return logs;
  }

  /** Bodies plus the deviating pixels nearer (geodesically, weighted) to a body than to the product. */
  private static boolean[] shareShadows(boolean[] body, boolean[] deviating, boolean[] product, PropConfig cfg, int w,
      int h) {
    int reach = (int) Math.round(cfg.shadowReach() * Math.hypot(w, h) * GeodesicDistance.UNIT);
    int[] fromBody = GeodesicDistance.compute(body, deviating, w, h, reach);
    int[] fromProduct = GeodesicDistance.compute(product, deviating, w, h, Integer.MAX_VALUE / 2);
    boolean[] prop = new boolean[w * h];
    for (int i = 0; i < prop.length; i++) {
      int a = fromBody[i];
      int b = fromProduct[i];
      prop[i] = body[i] || (a != GeodesicDistance.UNREACHED
          && (b == GeodesicDistance.UNREACHED || a < cfg.productBias() * b));
    }
    return prop;
  }

  /**
   * A prop's shadow that runs on into the product's share without a change of darkness (up to a
   * product that stands in it) is still the prop's: from the shadow already found, the prop takes
   * the deviating pixels within {@code shadowContinuation} work px along paths that pay {@code
   * gainEdgeCost} per step of darkness (on the 3×3-smoothed gain).
   *
   * @param prop Modified
   */
  private static void continueShadows(boolean[] prop, boolean[] body, boolean[] deviating, float[] gain,
      PropConfig cfg, int w, int h) {
    if (cfg.shadowContinuation() == 0) {
      return;
    }
    boolean[] shadow = new boolean[prop.length];
    boolean[] open = new boolean[prop.length];
    for (int i = 0; i < prop.length; i++) {
      shadow[i] = prop[i] && !body[i];
      open[i] = deviating[i] && !prop[i];
    }
    float[] field = MaskedBoxMean.mean(gain, deviating, w, h, 1);
    double climb = cfg.gainEdgeCost() * 100 * GeodesicDistance.UNIT;
    int[] cost = GeodesicDistance.compute(shadow, open, field, climb, w, h,
        cfg.shadowContinuation() * GeodesicDistance.UNIT);
    for (int i = 0; i < prop.length; i++) {
      if (open[i] && cost[i] != GeodesicDistance.UNREACHED) {
        prop[i] = true;
      }
    }
  }

  /**
   * The bodies plus the smaller coloured regions of the same material: a part of a block that the
   * piece encloses (a chain across an acrylic block) is cut off from the rest of it and too small
   * to be a body on its own, but has a body's chroma (within the chroma threshold) and gain (within
   * twice the gain threshold: a block is lit a little unevenly over its height).
   */
  private static boolean[] sameMaterial(boolean[] body, boolean[] coloured, DeviationMaps maps, double gainThreshold,
      double chromaThreshold, double minArea, int w, int h) {
    Regions.Components parts = Regions.label(coloured, w, h);
    double[] gain = new double[parts.count() + 1];
    double[] chroma = new double[parts.count() + 1];
    boolean[] isBody = new boolean[parts.count() + 1];
    for (int i = 0; i < body.length; i++) {
      int l = parts.labels()[i];
      gain[l] += maps.gain()[i];
      chroma[l] += maps.chroma()[i];
      isBody[l] |= body[i];
    }
    boolean[] same = new boolean[parts.count() + 1];
    for (int l = 1; l <= parts.count(); l++) {
      gain[l] /= parts.areas()[l];
      chroma[l] /= parts.areas()[l];
    }
    for (int l = 1; l <= parts.count(); l++) {
      for (int b = 1; b <= parts.count() && !isBody[l] && parts.areas()[l] >= minArea; b++) {
        same[l] |= isBody[b] && Math.abs(gain[l] - gain[b]) < 2 * gainThreshold
            && Math.abs(chroma[l] - chroma[b]) < chromaThreshold;
      }
    }
    boolean[] out = body.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] |= same[parts.labels()[i]];
    }
    return out;
  }

  /**
   * The bodies less those whose median spread (relative to the sweep's light) is above {@code
   * maxTexture} times the sweep's own. Measured on the dev scenes and their variants in 1–3× larger
   * files: putty and acrylic 0.7–1.3; missed metal and stone 1.5–5.7 (docs/engine-notes.md). A
   * work pixel that is one shot pixel has no spread, and nothing is dropped.
   */
  private static boolean[] withoutDetail(boolean[] body, ReducedShot shot, RobustSurface surface, boolean[] sample,
      double maxTexture) {
    int w = shot.width();
    float[] texture = new float[body.length];
    double[] sweep = new double[shot.numBands()];
    for (int i = 0; i < texture.length; i++) {
      surface.values(i % w, i / w, sweep);
      texture[i] = (float) (shot.spread()[i] / Math.max(1e-6, Arrays.stream(sweep).average().orElse(1)));
    }
    double noise = DeviationMaps.median(texture, sample);
    if (noise == 0) {
      return body;
    }
    Regions.Components parts = Regions.label(body, w, shot.height());
    boolean[] detailed = new boolean[parts.count() + 1];
    boolean[] part = new boolean[body.length];
    for (int l = 1; l <= parts.count(); l++) {
      for (int i = 0; i < part.length; i++) {
        part[i] = parts.labels()[i] == l;
      }
      detailed[l] = DeviationMaps.median(texture, part) > maxTexture * noise;
    }
    boolean[] out = new boolean[body.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = body[i] && !detailed[parts.labels()[i]];
    }
    return out;
  }

  private static boolean[] largeRegions(boolean[] set, int w, int h, double minArea) {
    Regions.Components components = Regions.label(set, w, h);
    boolean[] out = new boolean[set.length];
    for (int i = 0; i < out.length; i++) {
      int l = components.labels()[i];
      out[i] = l > 0 && components.areas()[l] >= minArea;
    }
    return out;
  }

  /** The set grown by one pixel (3×3). */
  private static boolean[] grow(boolean[] set, int w, int h) {
    boolean[] out = new boolean[set.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!set[y * w + x]) {
          continue;
        }
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
          for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
            out[yy * w + xx] = true;
          }
        }
      }
    }
    return out;
  }
}
