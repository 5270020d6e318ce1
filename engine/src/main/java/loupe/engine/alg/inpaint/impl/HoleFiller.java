// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.inpaint.InpaintConfig;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Fills every hole component from the allowed source, one disjoint crop at a time: thin components
 * with the membrane fill plus transferred grain, wide ones with PatchMatch. Cost grows with the
 * holes and their context, not with the image.
 */
public final class HoleFiller {
  private HoleFiller() {}

  /**
   * Writes the fill into {@code output} at every pixel where {@code hole > 0}, blended as
   * fill·h + original·(1 − h) with h = hole / 65535. Other pixels of {@code output} are not touched.
   *
   * @param image Not modified.
   * @param hole Not modified.
   * @param source Not modified.
   * @param output Modified (hole pixels only); must not share samples with {@code image}.
   */
  public static void fill(Planar image, GrayU16 hole, GrayU16 source, Planar output, InpaintConfig cfg,
      Progress progress) {
    List<HoleRegion> regions = HoleRegions.find(hole);
    if (regions.isEmpty()) {
      return;
    }
    List<HoleCrop> crops = HoleCrop.plan(regions, image.width, image.height, cfg);
    long total = 0;
    long small = 0;
    for (HoleCrop crop : crops) {
      total += crop.holeArea();
      small += crop.small() ? crop.holeArea() : 0;
    }
    Rect frame = Rect.ofSize(image.width, image.height);
    // Small crops are independent and cheap: run them in parallel (reports stay on this thread).
    // Large ones parallelise inside.
    crops.stream().filter(HoleCrop::small).parallel().forEach(crop -> {
      progress.checkCancelled();
      fillCrop(image, hole, source, output, crop, frame, cfg, progress);
    });
    long done = small;
    progress.report("inpaint", (double) done / total);
    for (HoleCrop crop : crops) {
      if (!crop.small()) {
        progress.checkCancelled();
        fillCrop(image, hole, source, output, crop, frame, cfg, progress);
        done += crop.holeArea();
        progress.report("inpaint", (double) done / total);
      }
    }
  }

  private static void fillCrop(Planar image, GrayU16 hole, GrayU16 source, Planar output, HoleCrop plan, Rect frame,
      InpaintConfig cfg, Progress progress) {
    Rect holeArea = plan.rect();
    Rect rect = holeArea;
    int guard = cfg.sourceGuard();
    long seed = Seeds.mix(cfg.seed(), holeArea.left(), holeArea.top());
    while (true) {
      CropImage crop = CropImage.extract(image, hole, source, rect, holeArea, guard);
      boolean whole = rect.equals(frame);
      if (crop.count(CropImage.SOURCE) == 0) {
        if (!whole) {
          rect = rect.grow(Math.max(rect.width(), rect.height()), frame);
        } else if (guard > 0) {
          guard = 0; // the guard ate every source pixel: sampling the halo beats failing
        } else {
          throw new IllegalArgumentException("no allowed source pixel outside the hole (sourceAllowed is empty there)");
        }
        continue;
      }
      Rect box = plan.holeBox();
      int extent = Math.max(box.width(), box.height());
      float[] asShot = cfg.matchTone() && !plan.small() ? crop.v.clone() : null;
      if (!plan.small() && PatchMatchFill.fill(crop, extent, cfg, seed, progress)) {
        if (cfg.matchTone()) {
          ToneMatch.apply(crop, asShot, cfg.membraneIterations());
        }
        write(crop, rect, image, hole, output);
        return;
      }
      if (!plan.small() && !whole && cfg.widenForPatches()) {
        rect = rect.grow(Math.max(rect.width(), rect.height()), frame); // too few whole source patches here
        continue;
      }
      membraneFill(crop, cfg, new SplittableRandom(seed));
      write(crop, rect, image, hole, output);
      return;
    }
  }

  /** Membrane interpolation of the smooth part plus grain copied from a shifted source patch. */
  private static void membraneFill(CropImage crop, InpaintConfig cfg, SplittableRandom random) {
    float[] smooth = TextureSplit.smooth(crop, cfg.textureSigma());
    float[] values = smooth.clone();
    MembraneFill.fill(crop, values, cfg.membraneIterations());
    if (cfg.reinjectTexture()) {
      GrainTransfer.add(crop, values, TextureSplit.grain(crop, smooth), random);
    }
    int nb = crop.bands;
    for (int p = 0; p < crop.state.length; p++) {
      if (crop.state[p] == CropImage.HOLE) {
        System.arraycopy(values, p * nb, crop.v, p * nb, nb);
      }
    }
  }

  private static void write(CropImage crop, Rect rect, Planar image, GrayU16 hole, Planar output) {
    int nb = crop.bands;
    IntStream.range(0, crop.height).parallel().forEach(y -> {
      for (int x = 0; x < crop.width; x++) {
        int p = y * crop.width + x;
        if (crop.state[p] != CropImage.HOLE) {
          continue;
        }
        int ix = rect.left() + x;
        int iy = rect.top() + y;
        int h = hole.data[hole.index(ix, iy)] & 0xFFFF;
        for (int c = 0; c < nb; c++) {
          GrayU16 in = image.bands[c];
          GrayU16 out = output.bands[c];
          double original = in.data[in.index(ix, iy)] & 0xFFFF;
          double value = (crop.v[p * nb + c] * h + original * (65535 - h)) / 65535.0;
          out.data[out.index(ix, iy)] = (short) Math.max(0, Math.min(65535, Math.round(value)));
        }
      }
    });
  }
}
