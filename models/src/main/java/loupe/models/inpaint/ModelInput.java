// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * What one model run sees: the window's pixels area-averaged to the model's size (8-bit units,
 * NCHW planes) and which model pixels are known. A model pixel is known only if every image pixel
 * under it is outside the hole and allowed as a source; unknown model pixels hold 0, so neither
 * hole nor forbidden (jewelry) colours reach the model.
 */
record ModelInput(float[] rgb, boolean[] known) {
  /**
   * @param image Not modified
   * @param hole Not modified
   * @param allowed Not modified
   */
  static ModelInput of(Planar image, GrayU16 hole, GrayU16 allowed, CropWindow window) {
    int mw = window.modelWidth();
    int mh = window.modelHeight();
    int plane = mw * mh;
    float[] rgb = new float[3 * plane];
    boolean[] known = new boolean[plane];
    GrayU16[] bands = image.numBands() == 1
        ? new GrayU16[] {image.bands[0], image.bands[0], image.bands[0]}
        : new GrayU16[] {image.bands[0], image.bands[1], image.bands[2]};
    for (int j = 0; j < mh; j++) {
      int y0 = window.rowStart(j);
      int y1 = window.rowStart(j + 1);
      for (int i = 0; i < mw; i++) {
        int x0 = window.columnStart(i);
        int x1 = window.columnStart(i + 1);
        double[] sum = new double[3];
        boolean ok = true;
        for (int yy = y0; yy < y1 && ok; yy++) {
          int y = window.mirrorY(yy);
          for (int xx = x0; xx < x1; xx++) {
            int x = window.mirrorX(xx);
            if (hole.get(x, y) != 0 || allowed.get(x, y) == 0) {
              ok = false;
              break;
            }
            for (int c = 0; c < 3; c++) {
              sum[c] += bands[c].get(x, y);
            }
          }
        }
        int k = j * mw + i;
        known[k] = ok;
        if (ok) {
          double n = (double) (y1 - y0) * (x1 - x0) * 257;
          for (int c = 0; c < 3; c++) {
            rgb[c * plane + k] = (float) (sum[c] / n);
          }
        }
      }
    }
    return new ModelInput(rgb, known);
  }
}
