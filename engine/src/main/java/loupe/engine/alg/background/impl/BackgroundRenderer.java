// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import java.util.Arrays;
import loupe.engine.Progress;
import loupe.engine.alg.background.BackgroundFill;
import loupe.engine.alg.background.SweepConfig;
import loupe.engine.alg.background.SweepModel;
import loupe.engine.alg.denoise.impl.StripRunner;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** The new background a {@link SweepConfig} asks for: the fitted sweep (with or without vignette) or white. */
public final class BackgroundRenderer {
  private BackgroundRenderer() {}

  /** Full-frame background in sRGB storage values. */
  public static Planar render(SweepModel model, SweepConfig cfg, Progress progress) {
    int w = model.width();
    int bands = model.numBands();
    Planar out = Planar.create(bands, w, model.height());
    StripRunner.run(model.height(), 64, () -> new double[bands + 1][w], (rows, y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        rows(model, cfg, y, 0, w, rows[bands], rows);
        for (int c = 0; c < bands; c++) {
          GrayU16 band = out.bands[c];
          int base = band.startIndex + y * band.stride;
          for (int x = 0; x < w; x++) {
            band.data[base + x] = (short) Srgb.encode(rows[c][x]);
          }
        }
      }
    }, progress, "render background");
    return out;
  }

  /**
   * Linear values of the new background on pixels x0..x0+n−1 of row y, per band.
   *
   * @param vignette scratch of at least n, Modified
   * @param out per band, at least n each, Modified (entries past the model's bands are ignored)
   */
  public static void rows(SweepModel model, SweepConfig cfg, int y, int x0, int n, double[] vignette, double[][] out) {
    if (cfg.fill() == BackgroundFill.WHITE) {
      for (int c = 0; c < model.numBands(); c++) {
        Arrays.fill(out[c], 0, n, 1.0);
      }
      return;
    }
    model.vignetteRow(y, x0, n, vignette);
    for (int c = 0; c < model.numBands(); c++) {
      model.sweepRow(c, y, x0, n, out[c]);
      if (!cfg.removeVignetting()) {
        for (int i = 0; i < n; i++) {
          out[c][i] *= vignette[i];
        }
      }
    }
  }
}
