// SPDX-License-Identifier: Apache-2.0
package loupe.server.protocol;

import loupe.engine.image.Rect;
import loupe.server.UserError;

/**
 * The JSON header of one raw pixel buffer (docs/protocol.md): size, components, depth, range,
 * layout and document bounds. {@link #validate} checks everything a hostile or buggy client could
 * get wrong before a single byte is allocated.
 */
public record BufferDescriptor(
    String role, int width, int height, int components, int bitDepth, boolean fullRange, String layout,
    Bounds bounds, String colorProfile, long byteLength) {

  /** Document-space integer bounds, right/bottom exclusive. */
  public record Bounds(int left, int top, int right, int bottom) {
    public Rect toRect() {
      return new Rect(left, top, right, bottom);
    }

    /** As messages show bounds to the panel's author: no Java record syntax. */
    @Override
    public String toString() {
      return "(left " + left + ", top " + top + ", right " + right + ", bottom " + bottom + ")";
    }

    public static Bounds of(Rect r) {
      return new Bounds(r.left(), r.top(), r.right(), r.bottom());
    }
  }

  public long expectedBytes() {
    return (long) width * height * components * (bitDepth / 8);
  }

  public boolean planar() {
    return "planar".equals(layout);
  }

  public BufferDescriptor validate(long maxPixels) {
    String where = "buffer '" + role + "'";
    if (width <= 0 || height <= 0) {
      throw new UserError(where + ": width and height must be positive, got " + width + "×" + height);
    }
    if ((long) width * height > maxPixels) {
      throw new UserError(413, where + ": " + width + "×" + height + " exceeds the server's limit of " + maxPixels + " pixels");
    }
    if (components < 1 || components > 4) {
      throw new UserError(where + ": components must be 1..4, got " + components);
    }
    if (bitDepth != 8 && bitDepth != 16) {
      throw new UserError(where + ": bitDepth must be 8 or 16, got " + bitDepth);
    }
    if (!"chunky".equals(layout) && !"planar".equals(layout)) {
      throw new UserError(where + ": layout must be 'chunky' or 'planar', got "
          + (layout == null ? "none" : "'" + layout + "'"));
    }
    if (bounds == null) {
      throw new UserError(where + ": bounds are required ({\"left\", \"top\", \"right\", \"bottom\"} in document "
          + "pixels, right and bottom exclusive)");
    }
    if (bounds.right - bounds.left != width || bounds.bottom - bounds.top != height) {
      throw new UserError(where + ": its bounds " + bounds + " are " + (bounds.right() - bounds.left()) + "×"
          + (bounds.bottom() - bounds.top()) + " but its size is " + width + "×" + height);
    }
    if (byteLength != expectedBytes()) {
      throw new UserError(where + ": byteLength " + byteLength + " should be " + expectedBytes()
          + " (width·height·components·bitDepth/8)");
    }
    return this;
  }
}
