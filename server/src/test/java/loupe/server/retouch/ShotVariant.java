// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Path;
import java.util.SplittableRandom;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;

/**
 * A dev scene shot differently, to test the automatic protection beyond the three scenes it was
 * measured on: the background (sweep, prop, shadows, dust) re-lit by a gain per channel — a
 * darker, whiter or tinted sweep — then the frame flipped or turned and cropped. Fully jewelry
 * pixels keep the shot's values (as the renderer guarantees) unless noise is added; an edge pixel's
 * background share is re-lit with the rest: with alpha a and the render's jewelry colour P,
 * I' = g·I − a·P·(g − 1).
 *
 * @param name for messages
 * @param gain per channel, on the background
 * @param turn 0..7: bit 0 mirrors left-right, bit 1 flips top-bottom, bit 2 transposes (portrait),
 *     applied to the source in that order
 * @param crop left, top, width, height in the turned frame
 * @param noise σ in 8-bit levels of extra Gaussian noise on every pixel (a higher ISO), 0 for none;
 *     seeded, so a variant is the same shot on every run
 */
record ShotVariant(String name, String scene, double[] gain, int turn, int[] crop, double noise) {
  /** The shot (8-bit samples, stored ×257) and its truth mask (65535 = fully jewelry). */
  record Shot(Planar image, GrayU16 truth) {}

  Shot render() {
    Path dir = TestImages.devScene(scene);
    Planar input = TestImages.readRgb(dir.resolve("input.png"));
    Planar product = TestImages.readPng(dir.resolve("truth_product.png"));
    GrayU16 alpha = TestImages.readGray(dir.resolve("truth_mask.png"));
    int w = crop[2];
    int h = crop[3];
    Planar out = Planar.create(3, w, h);
    GrayU16 truth = new GrayU16(w, h);
    SplittableRandom random = new SplittableRandom(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int u = x + crop[0];
        int v = y + crop[1];
        int sx = (turn & 4) != 0 ? v : u;
        int sy = (turn & 4) != 0 ? u : v;
        sx = (turn & 1) != 0 ? input.width - 1 - sx : sx;
        sy = (turn & 2) != 0 ? input.height - 1 - sy : sy;
        int a = alpha.get(sx, sy);
        truth.set(x, y, a);
        for (int c = 0; c < 3; c++) {
          int seen = input.bands[c].get(sx, sy) / 257;
          double value = seen;
          if (a != 65535) {
            double jewel = a / 65535.0 * product.bands[c].get(sx, sy) / 257.0;
            value = seen * gain[c] - jewel * (gain[c] - 1);
          }
          value += noise == 0 ? 0 : noise * gaussian(random);
          out.bands[c].set(x, y, (int) Math.max(0, Math.min(255, Math.round(value))) * 257);
        }
      }
    }
    return new Shot(out, truth);
  }

  /** A standard normal sample (Box–Muller). */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public String toString() {
    return name;
  }
}
