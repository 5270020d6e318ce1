// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background.impl;

import loupe.engine.image.GrayU16;

/**
 * Fills pockets that an exclude mask encloses completely: non-excluded pixels that cannot reach
 * the image border without crossing an excluded pixel. A prop's highlights that happen to match
 * the backdrop, or the backdrop seen through a hole in a stand, are then excluded with the prop
 * instead of being sampled as background. Product pixels are passable, so the backdrop inside a
 * ring or between a chain and a prop stays reachable and is still sampled.
 */
public final class EnclosedHoles {
  private EnclosedHoles() {}

  /**
   * @param exclude pixels &gt; 0 are excluded; Not modified
   * @return a new mask: 65535 where {@code exclude} &gt; 0 or the pixel is enclosed, else 0
   */
  public static GrayU16 fill(GrayU16 exclude) {
    int w = exclude.width;
    int h = exclude.height;
    GrayU16 out = new GrayU16(w, h);
    if (w == 0 || h == 0) {
      return out;
    }
    boolean[] reached = new boolean[w * h];
    int[] queue = new int[w * h];
    int tail = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && open(exclude, x, y)) {
          reached[y * w + x] = true;
          queue[tail++] = y * w + x;
        }
      }
    }
    for (int head = 0; head < tail; head++) {
      int i = queue[head];
      int x = i % w;
      int y = i / w;
      tail = visit(exclude, reached, queue, tail, x - 1, y);
      tail = visit(exclude, reached, queue, tail, x + 1, y);
      tail = visit(exclude, reached, queue, tail, x, y - 1);
      tail = visit(exclude, reached, queue, tail, x, y + 1);
    }
    for (int i = 0; i < reached.length; i++) {
      out.data[i] = (short) (reached[i] ? 0 : 65535);
    }
    return out;
  }

  private static int visit(GrayU16 exclude, boolean[] reached, int[] queue, int tail, int x, int y) {
    if (x < 0 || y < 0 || x >= exclude.width || y >= exclude.height) {
      return tail;
    }
    int i = y * exclude.width + x;
    if (reached[i] || !open(exclude, x, y)) {
      return tail;
    }
    reached[i] = true;
    queue[tail] = i;
    return tail + 1;
  }

  private static boolean open(GrayU16 exclude, int x, int y) {
    return exclude.data[exclude.startIndex + y * exclude.stride + x] == 0;
  }
}
