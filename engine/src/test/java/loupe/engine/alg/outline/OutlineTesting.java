// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline;

import java.util.Random;
import loupe.engine.image.GrayU16;

/** Test masks: anti-aliased shapes by supersampling, and random soft blobs. */
final class OutlineTesting {
  private OutlineTesting() {}

  interface Shape {
    boolean inside(double x, double y);
  }

  /** Coverage of each pixel by {@code shape}, estimated on an 8×8 grid of sub-samples. */
  static GrayU16 render(int w, int h, Shape shape) {
    GrayU16 m = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int hits = 0;
        for (int sy = 0; sy < 8; sy++) {
          for (int sx = 0; sx < 8; sx++) {
            hits += shape.inside(x + (sx + 0.5) / 8, y + (sy + 0.5) / 8) ? 1 : 0;
          }
        }
        m.set(x, y, (int) Math.round(hits * 65535 / 64.0));
      }
    }
    return m;
  }

  static Shape annulus(double cx, double cy, double outer, double inner) {
    return (x, y) -> {
      double d = Math.hypot(x - cx, y - cy);
      return d <= outer && d >= inner;
    };
  }

  /** Up to five soft-edged blobs, some with holes, anywhere in the frame (also across its border). */
  static GrayU16 randomBlobs(Random rng, int w, int h) {
    int blobs = 1 + rng.nextInt(5);
    double[] cx = new double[blobs];
    double[] cy = new double[blobs];
    double[] r = new double[blobs];
    double[] hole = new double[blobs];
    for (int b = 0; b < blobs; b++) {
      cx[b] = rng.nextDouble() * w;
      cy[b] = rng.nextDouble() * h;
      r[b] = 3 + rng.nextDouble() * Math.min(w, h) / 3.0;
      hole[b] = rng.nextBoolean() ? r[b] * (0.2 + 0.5 * rng.nextDouble()) : 0;
    }
    return render(w, h, (x, y) -> {
      for (int b = 0; b < blobs; b++) {
        double d = Math.hypot(x - cx[b], y - cy[b]);
        if (d <= r[b] && d >= hole[b]) {
          return true;
        }
      }
      return false;
    });
  }

  /** Number of pixels at or above the threshold: the naive area. */
  static long count(GrayU16 mask, int threshold) {
    long n = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        n += mask.get(x, y) >= threshold ? 1 : 0;
      }
    }
    return n;
  }

  /** The image inside a frame of sentinel pixels of a larger array: a view. */
  static GrayU16 view(GrayU16 image, int sentinel) {
    GrayU16 big = GrayU16.filled(image.width + 7, image.height + 5, sentinel);
    GrayU16 v = big.subimage(3, 2, 3 + image.width, 2 + image.height);
    v.setTo(image);
    return v;
  }
}
