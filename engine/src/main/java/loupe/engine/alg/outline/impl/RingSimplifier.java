// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.outline.impl;

import java.util.Arrays;

/**
 * Ramer–Douglas–Peucker simplification of closed polygons (U. Ramer, "An iterative procedure for
 * the polygonal approximation of plane curves", CGIP 1972; D. Douglas &amp; T. Peucker, The Canadian
 * Cartographer 1973): every dropped vertex lies within the tolerance of the edge that replaces
 * it. The ring is cut at its first vertex and the vertex farthest from it; each half is split at
 * least once so a thin ring never collapses below four vertices. Iterative, so long rings cannot
 * overflow the stack.
 */
public final class RingSimplifier {
  private RingSimplifier() {}

  /**
   * Indices of the vertices to keep, ascending.
   *
   * @param xy closed polygon as packed x,y pairs (at least 3 vertices)
   */
  public static int[] keep(double[] xy, double tolerance) {
    int n = xy.length / 2;
    if (n <= 4) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int far = 0;
    double best = -1;
    for (int i = 1; i < n; i++) {
      double d = sq(xy[2 * i] - xy[0]) + sq(xy[2 * i + 1] - xy[1]);
      if (d > best) {
        best = d;
        far = i;
      }
    }
    boolean[] kept = new boolean[n];
    kept[0] = true;
    kept[far] = true;
    double tol2 = tolerance * tolerance;
    // Chains as (start, end, forced) triples; end == n stands for vertex 0 closing the ring.
    int[] stack = new int[96];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = far;
    stack[top++] = 1;
    stack[top++] = far;
    stack[top++] = n;
    stack[top++] = 1;
    while (top > 0) {
      boolean forced = stack[--top] == 1;
      int end = stack[--top];
      int start = stack[--top];
      int split = -1;
      double worst = -1;
      for (int i = start + 1; i < end; i++) {
        double d = segmentDistance2(xy, i, start, end % n);
        if (d > worst) {
          worst = d;
          split = i;
        }
      }
      if (split < 0 || (worst <= tol2 && !forced)) {
        continue;
      }
      kept[split] = true;
      if (top + 6 > stack.length) {
        stack = Arrays.copyOf(stack, stack.length * 2);
      }
      stack[top++] = start;
      stack[top++] = split;
      stack[top++] = 0;
      stack[top++] = split;
      stack[top++] = end;
      stack[top++] = 0;
    }
    int m = 0;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        out[m++] = i;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Squared distance from vertex p to the segment between vertices a and b. */
  static double segmentDistance2(double[] xy, int p, int a, int b) {
    double px = xy[2 * p];
    double py = xy[2 * p + 1];
    double ax = xy[2 * a];
    double ay = xy[2 * a + 1];
    double dx = xy[2 * b] - ax;
    double dy = xy[2 * b + 1] - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    return sq(px - ax - t * dx) + sq(py - ay - t * dy);
  }

  private static double sq(double v) {
    return v * v;
  }
}
