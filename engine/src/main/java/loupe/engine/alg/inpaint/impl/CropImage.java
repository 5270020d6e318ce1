// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.stream.IntStream;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Working copy of a crop (or of one pyramid level of it): interleaved float samples in 16-bit
 * storage units and a per-pixel state. Only {@link #SOURCE} pixels are ever sampled into a fill;
 * {@link #HOLE} pixels are the ones being filled; {@link #OTHER} pixels (the product, the guard band,
 * holes of other crops) are neither read nor written.
 */
final class CropImage {
  static final byte OTHER = 0;
  static final byte SOURCE = 1;
  static final byte HOLE = 2;

  final int width;
  final int height;
  final int bands;
  /** Samples, {@code v[(y * width + x) * bands + c]}. */
  final float[] v;
  final byte[] state;
  /**
   * OTHER pixels that would be SOURCE but for the source guard: never sampled, yet not walls
   * either. The membrane interpolates across them, so a guarded hole still meets its source.
   */
  final boolean[] guarded;

  CropImage(int width, int height, int bands) {
    this.width = width;
    this.height = height;
    this.bands = bands;
    this.v = new float[width * height * bands];
    this.state = new byte[width * height];
    this.guarded = new boolean[width * height];
  }

  /**
   * Copies {@code rect} of the image. A pixel is HOLE when {@code hole > 0} inside {@code holeArea},
   * SOURCE when {@code source > 0}, not a hole anywhere and more than {@code sourceGuard} 8-connected
   * steps from every HOLE pixel, and OTHER otherwise.
   *
   * @param image Not modified.
   * @param hole Not modified.
   * @param source Not modified.
   */
  static CropImage extract(Planar image, GrayU16 hole, GrayU16 source, Rect rect, Rect holeArea, int sourceGuard) {
    int w = rect.width();
    int h = rect.height();
    int nb = image.numBands();
    CropImage crop = new CropImage(w, h, nb);
    IntStream.range(0, h).parallel().forEach(y -> {
      int iy = rect.top() + y;
      for (int x = 0; x < w; x++) {
        int ix = rect.left() + x;
        int p = y * w + x;
        for (int c = 0; c < nb; c++) {
          GrayU16 band = image.bands[c];
          crop.v[p * nb + c] = band.data[band.index(ix, iy)] & 0xFFFF;
        }
        boolean isHole = hole.data[hole.index(ix, iy)] != 0;
        if (isHole && holeArea.contains(ix, iy)) {
          crop.state[p] = HOLE;
        } else if (!isHole && source.data[source.index(ix, iy)] != 0) {
          crop.state[p] = SOURCE;
        }
      }
    });
    if (sourceGuard > 0) {
      boolean[] near = crop.dilatedHole(sourceGuard);
      for (int p = 0; p < w * h; p++) {
        if (near[p] && crop.state[p] == SOURCE) {
          crop.state[p] = OTHER;
          crop.guarded[p] = true;
        }
      }
    }
    return crop;
  }

  int count(byte s) {
    int n = 0;
    for (byte b : state) {
      if (b == s) {
        n++;
      }
    }
    return n;
  }

  /** HOLE dilated by a (2r+1)² square, that is, within r 8-connected steps of a HOLE pixel. */
  boolean[] dilatedHole(int r) {
    int w = width;
    int h = height;
    int[] rows = new int[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int run = Integer.MIN_VALUE / 2; // x of the nearest HOLE to the left
      for (int x = 0; x < w; x++) {
        if (state[y * w + x] == HOLE) {
          run = x;
        }
        rows[y * w + x] = x - run;
      }
      run = Integer.MAX_VALUE / 2;
      for (int x = w - 1; x >= 0; x--) {
        if (state[y * w + x] == HOLE) {
          run = x;
        }
        rows[y * w + x] = Math.min(rows[y * w + x], run - x);
      }
    });
    boolean[] out = new boolean[w * h];
    IntStream.range(0, w).parallel().forEach(x -> {
      int last = Integer.MIN_VALUE / 2; // y of the nearest row within r horizontally, above
      for (int y = 0; y < h; y++) {
        if (rows[y * w + x] <= r) {
          last = y;
        }
        out[y * w + x] = y - last <= r;
      }
      last = Integer.MAX_VALUE / 2;
      for (int y = h - 1; y >= 0; y--) {
        if (rows[y * w + x] <= r) {
          last = y;
        }
        out[y * w + x] |= last - y <= r;
      }
    });
    return out;
  }
}
