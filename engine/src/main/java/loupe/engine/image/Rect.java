// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/** An integer rectangle in document space, right/bottom exclusive (as in PSD layer bounds). */
public record Rect(int left, int top, int right, int bottom) {
  public Rect {
    if (right < left || bottom < top) {
      throw new IllegalArgumentException("empty-inverted rect " + left + "," + top + "," + right + "," + bottom);
    }
  }

  public static Rect ofSize(int width, int height) {
    return new Rect(0, 0, width, height);
  }

  public int width() {
    return right - left;
  }

  public int height() {
    return bottom - top;
  }

  public boolean isEmpty() {
    return right == left || bottom == top;
  }

  public long area() {
    return (long) width() * height();
  }

  public boolean contains(int x, int y) {
    return x >= left && x < right && y >= top && y < bottom;
  }

  public Rect intersect(Rect other) {
    int l = Math.max(left, other.left);
    int t = Math.max(top, other.top);
    int r = Math.min(right, other.right);
    int b = Math.min(bottom, other.bottom);
    return r <= l || b <= t ? new Rect(l, t, l, t) : new Rect(l, t, r, b);
  }

  public Rect union(Rect other) {
    if (isEmpty()) {
      return other;
    }
    if (other.isEmpty()) {
      return this;
    }
    return new Rect(Math.min(left, other.left), Math.min(top, other.top),
        Math.max(right, other.right), Math.max(bottom, other.bottom));
  }

  /** Grown by {@code margin} on every side, then clipped to {@code limit}. */
  public Rect grow(int margin, Rect limit) {
    return new Rect(left - margin, top - margin, right + margin, bottom + margin).intersect(limit);
  }
}
