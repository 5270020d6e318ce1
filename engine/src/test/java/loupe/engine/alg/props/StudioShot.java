// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

import java.util.SplittableRandom;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * A synthetic propped shot, built in linear light: a sweep (bend along y, lens vignette), a
 * specular "stone" (disc of bright and dark facets, P = 65535) with its neutral contact shadow
 * below it, optionally a beige putty blob behind the stone's left side with its own neutral shadow
 * below the putty, and Gaussian noise. Truth masks say which pixel is which; where the two shadows
 * overlap, the pixel is counted as the stone's.
 */
record StudioShot(Planar image, GrayU16 product, boolean[] putty, boolean[] puttyShadow, boolean[] productShadow) {

  static StudioShot of(int w, int h, boolean withPutty, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double cx = 0.58 * w;
    double cy = 0.45 * h;
    double radius = 0.12 * Math.min(w, h);
    double[] tint = {0.80, 0.74, 0.62};
    Planar image = Planar.create(3, w, h);
    GrayU16 product = new GrayU16(w, h);
    boolean[] putty = new boolean[w * h];
    boolean[] puttyShadow = new boolean[w * h];
    boolean[] productShadow = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double u = (x - w / 2.0) / w;
        double v = (y - h / 2.0) / h;
        double light = (1 - 0.3 * v * v - 0.1 * v) * (1 - 0.4 * (u * u + v * v));
        double[] rgb = {0.86 * light, 0.86 * light, 0.82 * light};
        double stone = Math.hypot(x - cx, y - cy);
        // Contact shadow: an ellipse below the stone, darkest at its centre.
        double sx = (x - cx) / (1.4 * radius);
        double sy = (y - cy - 0.95 * radius) / (0.45 * radius);
        double contact = 0.45 * Math.exp(-2 * (sx * sx + sy * sy));
        scale(rgb, 1 - contact);
        productShadow[i] = contact > 0.1;
        if (withPutty) {
          double px = (x - (cx - 1.1 * radius)) / (1.3 * radius);
          double py = (y - (cy - 0.2 * radius)) / (0.9 * radius);
          double qx = (x - (cx - 1.1 * radius)) / (1.3 * radius);
          double qy = (y - (cy + 0.85 * radius)) / (0.25 * radius);
          if (px * px + py * py < 1) {
            double shade = 0.75 + 0.2 * (1 - py) / 2;
            for (int c = 0; c < 3; c++) {
              rgb[c] = 0.86 * light * tint[c] * shade;
            }
            putty[i] = true;
          } else if (qx * qx + qy * qy < 1 && y > cy - 0.2 * radius) {
            scale(rgb, 0.55 + 0.3 * (qx * qx + qy * qy));
            puttyShadow[i] = contact < 0.05; // where the stone's shadow overlaps it, the pixel is both
          }
        }
        if (stone < radius) {
          product.set(x, y, 65535);
          double angle = Math.atan2(y - cy, x - cx);
          boolean facet = ((int) Math.floor(angle * 4 + stone / 3)) % 2 == 0;
          double value = facet ? 1.0 : 0.04;
          rgb = new double[] {value, value, value * 0.97};
          putty[i] = false;
          puttyShadow[i] = false;
          productShadow[i] = false;
        }
        for (int c = 0; c < 3; c++) {
          double noisy = rgb[c] * (1 + 0.01 * random.nextGaussian());
          image.bands[c].set(x, y, Srgb.encode(noisy));
        }
      }
    }
    return new StudioShot(image, product, putty, puttyShadow, productShadow);
  }

  private static void scale(double[] rgb, double gain) {
    for (int c = 0; c < rgb.length; c++) {
      rgb[c] *= gain;
    }
  }

  /** Fraction of the pixels flagged in {@code truth} that {@code detected} marks. */
  static double found(GrayU16 detected, boolean[] truth) {
    long hit = 0;
    long total = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i]) {
        total++;
        if (detected.data[detected.startIndex + (i / detected.width) * detected.stride + i % detected.width] != 0) {
          hit++;
        }
      }
    }
    return total == 0 ? 0 : (double) hit / total;
  }
}
