// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

import java.util.SplittableRandom;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** Synthetic test images and masks (deterministic for a given seed). */
public final class Synth {
  private Synth() {}

  /**
   * Per band a linear ramp {@code base + gx·x + gy·y} plus Gaussian noise of {@code sigma}, clamped
   * to [lo, 65535]; stored ×257 when {@code eightBit}.
   */
  public static Planar ramp(int w, int h, int bands, double[] base, double gx, double gy, double sigma, int lo,
      boolean eightBit, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Planar out = Planar.create(bands, w, h);
    for (int c = 0; c < bands; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = base[c] + gx * x + gy * y + sigma * gaussian(random);
          int s = (int) Math.max(lo, Math.min(65535, Math.round(v)));
          out.bands[c].set(x, y, eightBit ? ((s + 128) / 257) * 257 : s);
        }
      }
    }
    return out;
  }

  /**
   * An 8-bit noisy sweep as wide as a 24 MP shot's long side but only 400 px high (to stay small):
   * where sizes that scale with the frame are tested.
   */
  public static Planar wideStrip(long seed) {
    return ramp(5600, 400, 3, new double[] {58000, 58500, 57500}, -4, -6, 500, 0, true, seed);
  }

  /** Scales every band by {@code factor} where {@code where} &gt; 0, kept on 8-bit values (×257). */
  public static void paint(Planar image, GrayU16 where, double factor) {
    for (int y = 0; y < where.height; y++) {
      for (int x = 0; x < where.width; x++) {
        if (where.get(x, y) > 0) {
          for (GrayU16 band : image.bands) {
            band.set(x, y, (int) Math.min(65535, band.get(x, y) * factor) / 257 * 257);
          }
        }
      }
    }
  }

  /** A mask with {@code value} inside the disc of radius r at (cx, cy), added to {@code mask}. */
  public static GrayU16 disc(GrayU16 mask, double cx, double cy, double r, int value) {
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
          mask.set(x, y, value);
        }
      }
    }
    return mask;
  }

  /** A mask of {@code value} along the segment (x0,y0)–(x1,y1), {@code halfWidth} to each side. */
  public static GrayU16 segment(GrayU16 mask, double x0, double y0, double x1, double y1, double halfWidth, int value) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double len2 = Math.max(1e-9, dx * dx + dy * dy);
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
        double px = x0 + t * dx - x;
        double py = y0 + t * dy - y;
        if (px * px + py * py <= halfWidth * halfWidth) {
          mask.set(x, y, value);
        }
      }
    }
    return mask;
  }

  /** 65535 where {@code mask} is 0 and no pixel within Chebyshev distance r has {@code mask > 0}. */
  public static GrayU16 outsideDilated(GrayU16 mask, int r) {
    GrayU16 out = new GrayU16(mask.width, mask.height);
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        boolean near = false;
        for (int yy = Math.max(0, y - r); yy <= Math.min(mask.height - 1, y + r) && !near; yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(mask.width - 1, x + r); xx++) {
            if (mask.get(xx, yy) > 0) {
              near = true;
              break;
            }
          }
        }
        out.set(x, y, near ? 0 : 65535);
      }
    }
    return out;
  }

  /** Copies {@code image} into the middle of a larger array filled with junk and returns the view. */
  public static Planar asView(Planar image, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GrayU16[] views = new GrayU16[image.numBands()];
    for (int c = 0; c < views.length; c++) {
      views[c] = asView(image.bands[c], random.nextLong());
    }
    return new Planar(views);
  }

  public static GrayU16 asView(GrayU16 image, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GrayU16 big = new GrayU16(image.width + 7, image.height + 5);
    for (int i = 0; i < big.data.length; i++) {
      big.data[i] = (short) random.nextInt(65536);
    }
    GrayU16 view = big.subimage(3, 2, 3 + image.width, 2 + image.height);
    view.setTo(image);
    return view;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
