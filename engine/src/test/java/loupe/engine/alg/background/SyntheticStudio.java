// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import java.util.Random;
import loupe.engine.alg.background.impl.Srgb;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * A small studio shot with known parts, built in linear light and sRGB-encoded: a sweep whose
 * light falls off along y and tilts along x, a lens vignette, a product disc with a soft rim, its
 * contact shadow below it, a prop (grey block) left of it with its own shadow (30% darker), and
 * Gaussian noise.
 *
 * @param shot what the camera saw
 * @param clean sweep + contact shadow, no vignette, prop, prop shadow or noise (product as shot)
 * @param product P: 65535 on the disc, a 1-pixel soft rim
 * @param exclude the prop and its shadow
 * @param contactShadow linear transmission of the product's shadow (1 = none), per pixel
 */
public record SyntheticStudio(Planar shot, Planar clean, GrayU16 product, GrayU16 exclude, double[] contactShadow,
    double vignette) {

  static final double[] BASE = {0.80, 0.78, 0.74};

  public static SyntheticStudio build(int w, int h, double vignette, double noise, long seed) {
    Random rnd = new Random(seed);
    double hd = Math.hypot(w, h) / 2;
    double px = w * 0.55;
    double py = h * 0.45;
    double pr = Math.min(w, h) * 0.15;
    Planar shot = Planar.create(3, w, h);
    Planar clean = Planar.create(3, w, h);
    GrayU16 product = new GrayU16(w, h);
    GrayU16 exclude = new GrayU16(w, h);
    double[] contact = new double[w * h];
    int[] jewel = {rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt(65536)};
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = (x - w / 2.0) / hd;
        double v = (y - h / 2.0) / hd;
        double d = Math.hypot(x - px, y - py) - pr;
        product.set(x, y, d < 0 ? 65535 : d < 1 ? (int) (65535 * (1 - d)) : 0);
        // Contact shadow: an ellipse under the disc, strongest at the contact.
        double sd = Math.hypot((x - px) / 2.2, y - (py + pr)) / (pr * 0.5);
        double t = 1 - 0.35 * Math.exp(-sd * sd);
        contact[y * w + x] = t;
        // A block left of the disc, its shadow falling below it, clear of the contact shadow's tail.
        double propRight = px - 2.3 * pr;
        boolean prop = x > propRight - 0.2 * w && x < propRight && y > py - pr * 0.6 && y < py + pr * 0.8;
        boolean propShadow = !prop && x > propRight - 0.2 * w && x < propRight + 3 && y >= py + pr * 0.8
            && y < py + pr * 0.8 + 0.08 * h;
        if (prop || propShadow) {
          exclude.set(x, y, 65535);
        }
        double gain = 1 - vignette * (u * u + v * v);
        for (int c = 0; c < 3; c++) {
          double sweep = BASE[c] * (1 - 0.12 * v - 0.2 * v * v + 0.15 * v * v * v) * (1 + 0.04 * u);
          int cleanValue = Srgb.encode(sweep * t);
          double seen = prop ? 0.35 + 0.02 * c : sweep * gain * t * (propShadow ? 0.7 : 1);
          int shotValue = (int) Math.round(Srgb.encodeExact(seen) + rnd.nextGaussian() * noise);
          shotValue = Math.max(0, Math.min(65535, shotValue));
          if (d < 0) {
            shotValue = jewel[c] ^ (x * 31 + y * 17) & 0xFFFF;
            cleanValue = shotValue;
          }
          shot.bands[c].set(x, y, shotValue);
          clean.bands[c].set(x, y, cleanValue);
        }
      }
    }
    return new SyntheticStudio(shot, clean, product, exclude, contact, vignette);
  }

  /** The vignette-free sweep of the build, linear, band c. */
  static double trueSweep(int c, int x, int y, int w, int h) {
    double hd = Math.hypot(w, h) / 2;
    double u = (x - w / 2.0) / hd;
    double v = (y - h / 2.0) / hd;
    return BASE[c] * (1 - 0.12 * v - 0.2 * v * v + 0.15 * v * v * v) * (1 + 0.04 * u);
  }
}
