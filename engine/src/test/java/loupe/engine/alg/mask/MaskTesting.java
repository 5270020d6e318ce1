// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;

/** Test images for mask ops: random masks and views into larger images with a sentinel frame. */
final class MaskTesting {
  static final int SENTINEL = 12345;

  private MaskTesting() {}

  /** Blobs of 65535 and 0 with soft edges and noise: every kind of mask value occurs. */
  static GrayU16 randomMask(Random rng, int w, int h) {
    GrayU16 m = new GrayU16(w, h);
    int blobs = 1 + rng.nextInt(4);
    double[] cx = new double[blobs];
    double[] cy = new double[blobs];
    double[] r = new double[blobs];
    for (int b = 0; b < blobs; b++) {
      cx[b] = rng.nextDouble() * w;
      cy[b] = rng.nextDouble() * h;
      r[b] = 2 + rng.nextDouble() * Math.min(w, h) / 3.0;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int b = 0; b < blobs; b++) {
          double d = Math.hypot(x - cx[b], y - cy[b]) - r[b];
          v = Math.max(v, Math.min(1, Math.max(0, 0.5 - d / 2)));
        }
        int value = (int) Math.round(v * 65535);
        if (rng.nextInt(20) == 0) {
          value = rng.nextInt(65536);
        }
        m.set(x, y, value);
      }
    }
    return m;
  }

  static GrayU16 randomImage(Random rng, int w, int h) {
    GrayU16 m = new GrayU16(w, h);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = (short) rng.nextInt(65536);
    }
    return m;
  }

  /** A view of a copy of {@code image} inside a larger image whose frame holds {@link #SENTINEL}. */
  static GrayU16 inFrame(GrayU16 image, int left, int top, int right, int bottom) {
    GrayU16 big = GrayU16.filled(image.width + left + right, image.height + top + bottom, SENTINEL);
    GrayU16 view = big.subimage(left, top, left + image.width, top + image.height);
    view.setTo(image);
    return view;
  }

  /** An empty view framed by the sentinel, for outputs. */
  static GrayU16 framedOutput(int w, int h) {
    return inFrame(new GrayU16(w, h), 3, 2, 4, 5);
  }

  /** Asserts that every sample of the array outside {@code view} still holds the sentinel. */
  static void assertFrameUntouched(GrayU16 view) {
    int frame = 0;
    for (int i = 0; i < view.data.length; i++) {
      int rel = i - view.startIndex;
      int y = Math.floorDiv(rel, view.stride);
      int x = rel - y * view.stride;
      boolean inside = rel >= 0 && y < view.height && x < view.width;
      if (!inside) {
        assertThat(view.data[i] & 0xFFFF).as("frame sample %d", i).isEqualTo(SENTINEL);
        frame++;
      }
    }
    assertThat(frame).isPositive();
  }

}
