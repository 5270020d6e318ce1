// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import loupe.engine.Progress;

/**
 * Nearest-neighbour field of one pyramid level, searched with PatchMatch (Barnes, Shechtman,
 * Finkelstein, Goldman, "PatchMatch: A Randomized Correspondence Algorithm for Structural Image
 * Editing", SIGGRAPH 2009): for every target patch (a patch that overlaps the hole) the centre of a
 * similar source patch (a patch made only of SOURCE pixels), improved by propagation from the scan
 * neighbours and by random search at exponentially shrinking radii (α = 1/2, starting at the level's
 * larger side).
 *
 * <p>The distance is the sum of squared differences over the target patch's HOLE and SOURCE pixels;
 * OTHER pixels (product, guard band) never take part, so a fill cannot be steered by them.
 *
 * <p>Sweeps run on horizontal bands, even bands in parallel and then odd bands, each with its own
 * seeded random stream, so the result does not depend on thread scheduling.
 */
final class PatchField {
  private static final int BAND_ROWS = 32;

  final CropImage level;
  final int radius;
  /** True where the patch centred here lies inside the level and is all SOURCE. */
  final boolean[] validSource;
  final int[] validList;
  /** Target pixels in raster order. */
  final int[] targets;
  final boolean[] isTarget;
  /** True at targets whose patch lies inside the level and has no OTHER pixel (the fast path). */
  private final boolean[] plainTarget;
  /** Source centre per pixel (meaningful at targets). */
  final int[] nnf;
  final float[] cost;

  PatchField(CropImage level, int patchSize) {
    this.level = level;
    this.radius = patchSize / 2;
    this.validSource = validCentres(level, radius);
    validList = indicesOf(validSource);
    isTarget = level.dilatedHole(radius);
    targets = indicesOf(isTarget);
    plainTarget = plainCentres(level, radius, isTarget);
    nnf = new int[level.width * level.height];
    cost = new float[level.width * level.height];
  }

  boolean hasSources() {
    return validList.length > 0;
  }

  /** Random source for every target. */
  void randomise(SplittableRandom random) {
    for (int t : targets) {
      nnf[t] = validList[random.nextInt(validList.length)];
    }
  }

  /**
   * Takes the field of the next coarser level: a fine target inherits its coarse parent's match,
   * offset by its position in the 2×2 block, or a random source if that is not a valid source here.
   */
  void upsample(PatchField coarse, SplittableRandom random) {
    int w = level.width;
    int cw = coarse.level.width;
    for (int t : targets) {
      int x = t % w;
      int y = t / w;
      int parent = (y / 2) * cw + x / 2;
      int candidate = -1;
      if (coarse.isTarget[parent]) {
        int s = coarse.nnf[parent];
        int sx = 2 * (s % cw) + (x & 1);
        int sy = 2 * (s / cw) + (y & 1);
        if (sx < w && sy < level.height && validSource[sy * w + sx]) {
          candidate = sy * w + sx;
        }
      }
      nnf[t] = candidate >= 0 ? candidate : validList[random.nextInt(validList.length)];
    }
  }

  /** Recomputes every target's cost after the hole estimate changed. */
  void refreshCosts() {
    IntStream.range(0, targets.length).parallel().forEach(i -> {
      int t = targets[i];
      cost[t] = distance(t, nnf[t], Float.POSITIVE_INFINITY);
    });
  }

  /**
   * One propagation + random search sweep; odd sweeps scan backwards. Random search starts at
   * {@code searchRadius} and halves down to 1.
   */
  void sweep(int sweepIndex, int searchRadius, long seed, Progress progress) {
    int w = level.width;
    int firstRow = targets[0] / w;
    int lastRow = targets[targets.length - 1] / w;
    int bands = (lastRow - firstRow) / BAND_ROWS + 1;
    boolean forward = sweepIndex % 2 == 0;
    for (int parity = 0; parity < 2; parity++) {
      int par = parity;
      IntStream.range(0, (bands + 1 - par) / 2).parallel().forEach(k -> {
        progress.checkCancelled();
        int band = 2 * k + par;
        int y0 = firstRow + band * BAND_ROWS;
        int y1 = Math.min(lastRow + 1, y0 + BAND_ROWS);
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, sweepIndex, band));
        sweepBand(y0, y1, forward, searchRadius, random);
      });
    }
  }

  private void sweepBand(int y0, int y1, boolean forward, int searchRadius, SplittableRandom random) {
    int w = level.width;
    int h = level.height;
    int step = forward ? 1 : -1;
    for (int yi = 0; yi < y1 - y0; yi++) {
      int y = forward ? y0 + yi : y1 - 1 - yi;
      for (int xi = 0; xi < w; xi++) {
        int x = forward ? xi : w - 1 - xi;
        int p = y * w + x;
        if (!isTarget[p]) {
          continue;
        }
        int best = nnf[p];
        float bestCost = cost[p];
        int px = x - step;
        if (px >= 0 && px < w && isTarget[p - step]) {
          int s = nnf[p - step];
          int sx = s % w + step;
          if (sx >= 0 && sx < w && validSource[s + step] && s + step != best) {
            float d = distance(p, s + step, bestCost);
            if (d < bestCost) {
              best = s + step;
              bestCost = d;
            }
          }
        }
        int py = y - step;
        if (py >= 0 && py < h && isTarget[p - step * w]) {
          int s = nnf[p - step * w] + step * w;
          if (s >= 0 && s < w * h && validSource[s] && s != best) {
            float d = distance(p, s, bestCost);
            if (d < bestCost) {
              best = s;
              bestCost = d;
            }
          }
        }
        int bx = best % w;
        int by = best / w;
        for (int r = searchRadius; r >= 1; r /= 2) {
          int cx = Math.max(0, Math.min(w - 1, bx + random.nextInt(2 * r + 1) - r));
          int cy = Math.max(0, Math.min(h - 1, by + random.nextInt(2 * r + 1) - r));
          int c = cy * w + cx;
          if (!validSource[c] || c == best) {
            continue;
          }
          float d = distance(p, c, bestCost);
          if (d < bestCost) {
            best = c;
            bestCost = d;
            bx = cx;
            by = cy;
          }
        }
        nnf[p] = best;
        cost[p] = bestCost;
      }
    }
  }

  /**
   * Sum of squared differences between the target patch at {@code t} and the source patch at
   * {@code s} over the target's HOLE and SOURCE pixels; stops early once it reaches {@code cutoff}.
   */
  float distance(int t, int s, float cutoff) {
    int w = level.width;
    int nb = level.bands;
    float[] v = level.v;
    if (plainTarget[t]) {
      int r = radius;
      int rowLength = (2 * r + 1) * nb;
      float sum = 0;
      for (int dy = -r; dy <= r; dy++) {
        int a = (t + dy * w - r) * nb;
        int b = (s + dy * w - r) * nb;
        // Four independent partial sums: a single running sum is one long chain of dependent adds.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < rowLength; i += 4) {
          float d0 = v[a + i] - v[b + i];
          float d1 = v[a + i + 1] - v[b + i + 1];
          float d2 = v[a + i + 2] - v[b + i + 2];
          float d3 = v[a + i + 3] - v[b + i + 3];
          s0 += d0 * d0;
          s1 += d1 * d1;
          s2 += d2 * d2;
          s3 += d3 * d3;
        }
        for (; i < rowLength; i++) {
          float d = v[a + i] - v[b + i];
          s0 += d * d;
        }
        sum += (s0 + s1) + (s2 + s3);
        if (sum >= cutoff) {
          return sum;
        }
      }
      return sum;
    }
    int h = level.height;
    byte[] state = level.state;
    int tx = t % w;
    int ty = t / w;
    int r = radius;
    int x0 = Math.max(-r, -tx);
    int x1 = Math.min(r, w - 1 - tx);
    float sum = 0;
    for (int dy = Math.max(-r, -ty); dy <= Math.min(r, h - 1 - ty); dy++) {
      int trow = t + dy * w;
      int srow = s + dy * w;
      for (int dx = x0; dx <= x1; dx++) {
        int ti = trow + dx;
        if (state[ti] == CropImage.OTHER) {
          continue;
        }
        int a = ti * nb;
        int b = (srow + dx) * nb;
        for (int c = 0; c < nb; c++) {
          float d = v[a + c] - v[b + c];
          sum += d * d;
        }
      }
      if (sum >= cutoff) {
        return sum;
      }
    }
    return sum;
  }

  /** Number of HOLE or SOURCE pixels in the target patch at {@code t} (at least 1: t is usable). */
  int usablePixels(int t) {
    if (plainTarget[t]) {
      return (2 * radius + 1) * (2 * radius + 1);
    }
    int w = level.width;
    int tx = t % w;
    int ty = t / w;
    int n = 0;
    for (int y = Math.max(0, ty - radius); y <= Math.min(level.height - 1, ty + radius); y++) {
      for (int x = Math.max(0, tx - radius); x <= Math.min(w - 1, tx + radius); x++) {
        if (level.state[y * w + x] != CropImage.OTHER) {
          n++;
        }
      }
    }
    return n;
  }

  /** Centres whose patch lies inside the level and is all SOURCE. */
  private static boolean[] validCentres(CropImage level, int r) {
    return fullPatches(level, r, s -> s == CropImage.SOURCE);
  }

  /** Targets whose patch lies inside the level and has no OTHER pixel. */
  private static boolean[] plainCentres(CropImage level, int r, boolean[] isTarget) {
    boolean[] plain = fullPatches(level, r, s -> s != CropImage.OTHER);
    for (int p = 0; p < plain.length; p++) {
      plain[p] &= isTarget[p];
    }
    return plain;
  }

  /**
   * Centres whose (2r+1)² patch lies inside the level with every state accepted: separable window
   * counts, rows then column chunks, each in parallel.
   */
  private static boolean[] fullPatches(CropImage level, int r, StatePredicate accept) {
    int w = level.width;
    int h = level.height;
    int k = 2 * r + 1;
    int[] rowCount = new int[w * h]; // accepted pixels in [x − r, x + r] of the row; 0 near the edges
    IntStream.range(0, h).parallel().forEach(y -> {
      int run = 0;
      for (int x = 0; x < w; x++) {
        run += accept.test(level.state[y * w + x]) ? 1 : 0;
        if (x >= k) {
          run -= accept.test(level.state[y * w + x - k]) ? 1 : 0;
        }
        if (x >= k - 1) {
          rowCount[y * w + x - r] = run;
        }
      }
    });
    boolean[] out = new boolean[w * h];
    int chunk = 256;
    IntStream.range(0, (w + chunk - 1) / chunk).parallel().forEach(c -> {
      int x0 = c * chunk;
      int x1 = Math.min(w, x0 + chunk);
      int[] sum = new int[x1 - x0];
      for (int y = 0; y < h; y++) {
        for (int x = x0; x < x1; x++) {
          sum[x - x0] += rowCount[y * w + x];
          if (y >= k) {
            sum[x - x0] -= rowCount[(y - k) * w + x];
          }
          if (y >= k - 1) {
            out[(y - r) * w + x] = sum[x - x0] == k * k;
          }
        }
      }
    });
    return out;
  }

  private interface StatePredicate {
    boolean test(byte state);
  }

  /** The indices where {@code set} is true, ascending. */
  private static int[] indicesOf(boolean[] set) {
    int n = 0;
    for (boolean b : set) {
      n += b ? 1 : 0;
    }
    int[] indices = new int[n];
    n = 0;
    for (int p = 0; p < set.length; p++) {
      if (set[p]) {
        indices[n++] = p;
      }
    }
    return indices;
  }
}
