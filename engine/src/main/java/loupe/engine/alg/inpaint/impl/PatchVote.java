// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Rebuilds the hole from a nearest-neighbour field: every HOLE pixel becomes the weighted mean of
 * the source pixels that the overlapping target patches map it to, with weight
 * exp(−d / 2σ²) for a patch whose mean squared difference is d and σ² the 75th percentile of d
 * (Wexler, Shechtman, Irani, "Space-Time Completion of Video", TPAMI 2007). Only SOURCE pixels are
 * ever read, so the result is a convex combination of allowed samples.
 */
final class PatchVote {
  private static final int CHUNK = 1024;

  private PatchVote() {}

  /**
   * Writes the vote over {@code from} into {@code into} at HOLE pixels; adds {@code grain} at the
   * centre of each pixel's own best match when it is not null.
   *
   * @param from interleaved samples, read at SOURCE pixels only. Not modified.
   * @param into interleaved samples. Modified (HOLE pixels only).
   * @param grain residual grain at SOURCE pixels, or null. Not modified.
   */
  static void vote(PatchField field, float[] from, float[] into, float[] grain) {
    CropImage level = field.level;
    int w = level.width;
    int h = level.height;
    int nb = level.bands;
    int r = field.radius;
    float[] weight = weights(field);
    int[] holes = holePixels(level);
    IntStream.range(0, (holes.length + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
      float[] acc = new float[nb];
      for (int i = chunk * CHUNK; i < Math.min(holes.length, (chunk + 1) * CHUNK); i++) {
        int p = holes[i];
        int x = p % w;
        int y = p / w;
        Arrays.fill(acc, 0);
        float total = 0;
        // Every pixel within r of a HOLE pixel is a target: only the crop edge needs checks.
        if (x >= r && y >= r && x < w - r && y < h - r) {
          for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
              int c = p - dy * w - dx;
              int s = (field.nnf[c] + dy * w + dx) * nb;
              float wt = weight[c];
              for (int b = 0; b < nb; b++) {
                acc[b] += wt * from[s + b];
              }
              total += wt;
            }
          }
        } else {
          for (int dy = -r; dy <= r; dy++) {
            int cy = y - dy;
            if (cy < 0 || cy >= h) {
              continue;
            }
            for (int dx = -r; dx <= r; dx++) {
              int cx = x - dx;
              if (cx < 0 || cx >= w) {
                continue;
              }
              int c = cy * w + cx;
              int s = (field.nnf[c] + dy * w + dx) * nb;
              float wt = weight[c];
              for (int b = 0; b < nb; b++) {
                acc[b] += wt * from[s + b];
              }
              total += wt;
            }
          }
        }
        int centre = field.nnf[p] * nb;
        for (int b = 0; b < nb; b++) {
          float value = acc[b] / total;
          into[p * nb + b] = grain == null ? value : value + grain[centre + b];
        }
      }
    });
  }

  private static float[] weights(PatchField field) {
    float[] mean = new float[field.cost.length];
    for (int t : field.targets) {
      mean[t] = field.cost[t] / field.usablePixels(t);
    }
    int step = Math.max(1, field.targets.length / 4096);
    float[] sample = new float[(field.targets.length + step - 1) / step];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = mean[field.targets[i * step]];
    }
    Arrays.sort(sample);
    float sigma2 = sample[(int) (0.75 * (sample.length - 1))];
    float[] weight = new float[field.cost.length];
    for (int t : field.targets) {
      // The floor keeps every weight positive, so each HOLE pixel (its own patch is a target) gets a vote.
      weight[t] = sigma2 > 0 ? (float) Math.max(1e-6, Math.exp(-mean[t] / (2 * sigma2))) : 1f;
    }
    return weight;
  }

  static int[] holePixels(CropImage level) {
    int[] out = new int[level.count(CropImage.HOLE)];
    int n = 0;
    for (int p = 0; p < level.state.length; p++) {
      if (level.state[p] == CropImage.HOLE) {
        out[n++] = p;
      }
    }
    return out;
  }
}
