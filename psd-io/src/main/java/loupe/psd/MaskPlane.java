// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * One mask of a layer as the file stores it: its rectangle in document pixels, the colour beyond it
 * (0 or 255), its switches and Properties parameters, and its pixels (a channel sized to the
 * rectangle).
 *
 * @param density 0..255 (255 = 100 %), or null when the file stores none (100 %)
 * @param feather in pixels, or null when the file stores none
 */
public record MaskPlane(int top, int left, int bottom, int right, int defaultColor, boolean disabled, boolean inverted,
                        Integer density, Double feather, PsdChannel channel) {
    public int width() { return Math.max(0, right - left); }

    public int height() { return Math.max(0, bottom - top); }
}
