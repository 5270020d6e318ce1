// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import loupe.engine.alg.mask.MaskOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/**
 * The 8-connected components of a hole mask (samples &gt; 0): each component's bounding box, and a
 * label per pixel of the holes' overall bounding box ({@code area}).
 */
record HoleComponents(Rect area, int[] labels, List<Rect> boxes) {
  static final int NONE = -1;

  /** Labels {@code hole} (Not modified) in raster order of each component's first pixel. */
  static HoleComponents of(GrayU16 hole) {
    Rect area = MaskOps.support(hole);
    int w = area.width();
    int h = area.height();
    int[] labels = new int[w * h];
    Arrays.fill(labels, NONE);
    int[] stack = new int[w * h];
    List<Rect> boxes = new ArrayList<>();
    for (int seed = 0; seed < w * h; seed++) {
      if (labels[seed] != NONE || !in(hole, area, seed % w, seed / w)) {
        continue;
      }
      int id = boxes.size();
      int top = 0;
      stack[top++] = seed;
      labels[seed] = id;
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      while (top > 0) {
        int i = stack[--top];
        int x = i % w;
        int y = i / w;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
          for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
            int n = ny * w + nx;
            if (labels[n] == NONE && in(hole, area, nx, ny)) {
              labels[n] = id;
              stack[top++] = n;
            }
          }
        }
      }
      boxes.add(new Rect(area.left() + x0, area.top() + y0, area.left() + x1 + 1, area.top() + y1 + 1));
    }
    return new HoleComponents(area, labels, List.copyOf(boxes));
  }

  /** The component of image pixel (x, y), or {@link #NONE}. */
  int label(int x, int y) {
    if (!area.contains(x, y)) {
      return NONE;
    }
    return labels[(y - area.top()) * area.width() + x - area.left()];
  }

  private static boolean in(GrayU16 hole, Rect area, int x, int y) {
    return hole.data[hole.index(area.left() + x, area.top() + y)] != 0;
  }

}
