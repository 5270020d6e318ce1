// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import loupe.engine.image.Rect;

/**
 * Where a model-sized input comes from: a window of {@code scale}·(model size) image pixels with its
 * top-left at ({@code x0}, {@code y0}), centred on one hole and moved inside the image; a window
 * larger than the image is centred and its outside mirrored (numpy "symmetric", as IOPaint pads).
 * Model pixel i covers the image pixels whose centres fall in [x0 + i·scale, x0 + (i+1)·scale).
 */
record CropWindow(int x0, int y0, double scale, int modelWidth, int modelHeight, int imageWidth, int imageHeight) {
  /** The window for hole {@code box} with {@code margin} context, for a model of mw×mh. */
  static CropWindow around(Rect box, int margin, int mw, int mh, int imageWidth, int imageHeight) {
    double scale = Math.max(1, Math.max((box.width() + 2.0 * margin) / mw, (box.height() + 2.0 * margin) / mh));
    return new CropWindow(origin(box.left(), box.right(), mw * scale, imageWidth),
        origin(box.top(), box.bottom(), mh * scale, imageHeight), scale, mw, mh, imageWidth, imageHeight);
  }

  private static int origin(int lo, int hi, double extent, int size) {
    double start = (lo + hi) / 2.0 - extent / 2;
    start = extent <= size ? Math.max(0, Math.min(size - extent, start)) : (size - extent) / 2;
    return (int) Math.round(start);
  }

  /** First image column (possibly outside the image) of model column i; i = modelWidth gives the end. */
  int columnStart(int i) {
    return (int) Math.ceil(x0 + i * scale - 0.5);
  }

  int rowStart(int j) {
    return (int) Math.ceil(y0 + j * scale - 0.5);
  }

  /** The model-space coordinate of image column x's centre (for sampling the model's output). */
  double modelX(int x) {
    return (x + 0.5 - x0) / scale - 0.5;
  }

  double modelY(int y) {
    return (y + 0.5 - y0) / scale - 0.5;
  }

  /** Image column for window column x: mirrored at the borders, edge sample repeated. */
  int mirrorX(int x) {
    return mirror(x, imageWidth);
  }

  int mirrorY(int y) {
    return mirror(y, imageHeight);
  }

  static int mirror(int v, int size) {
    int period = 2 * size;
    int m = Math.floorMod(v, period);
    return m < size ? m : period - 1 - m;
  }
}
