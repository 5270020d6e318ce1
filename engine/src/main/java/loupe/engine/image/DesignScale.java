// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/**
 * How much larger a frame is than the frames Loupe's pixel sizes were tuned on: the dev scenes, 1600
 * px on their long side. Sizes fitted there (a detector's area limit, a protection margin) grow by
 * this factor on a larger shot of the same set; a smaller frame keeps them, as a floor. A crop of a
 * large shot is taken for a smaller shot: the frame's size is all this knows.
 */
public final class DesignScale {
  /** The long side, in pixels, of the frames the tuned sizes are for. */
  public static final int LONG_SIDE = 1600;

  private DesignScale() {}

  /** The frame's long side over {@link #LONG_SIDE}, at least 1. */
  public static double of(int width, int height) {
    return Math.max(1.0, Math.max(width, height) / (double) LONG_SIDE);
  }
}
