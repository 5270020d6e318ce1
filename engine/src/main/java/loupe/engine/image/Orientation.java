// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/**
 * The eight ways a camera may store a picture relative to how it is shown, numbered as the EXIF /
 * TIFF Orientation tag (274) numbers them: 1 as stored, 6 turned 90° clockwise to show, and so on.
 * Photoshop opens a JPEG or TIFF upright, so Loupe must see it upright too, or its layers and masks
 * would not line up with the retoucher's document.
 */
public enum Orientation {
  AS_STORED(false, false, false),
  MIRRORED(false, true, false),
  TURNED_180(false, true, true),
  FLIPPED(false, false, true),
  TRANSPOSED(true, false, false),
  TURNED_90_CW(true, false, true),
  TRANSVERSE(true, true, true),
  TURNED_90_CCW(true, true, false);

  /** A shown pixel (u, v) comes from stored (x, y) = (v, u) if swap, else (u, v), then mirrored. */
  private final boolean swap;
  /** The stored x counts from the right edge. */
  private final boolean mirrorX;
  /** The stored y counts from the bottom edge. */
  private final boolean mirrorY;

  Orientation(boolean swap, boolean mirrorX, boolean mirrorY) {
    this.swap = swap;
    this.mirrorX = mirrorX;
    this.mirrorY = mirrorY;
  }

  /** The tag's value; anything outside 1..8 (absent, damaged) is taken as stored, as viewers do. */
  public static Orientation ofExif(int tag) {
    return tag >= 1 && tag <= 8 ? values()[tag - 1] : AS_STORED;
  }

  /** Whether the shown picture's width is the stored height (a quarter turn or a transpose). */
  public boolean swapsAxes() {
    return swap;
  }

  /** The plane as it is shown: a new array, or {@code stored} itself when nothing turns. */
  public GrayU16 upright(GrayU16 stored) {
    if (this == AS_STORED) {
      return stored;
    }
    int w = stored.width;
    int h = stored.height;
    GrayU16 shown = swap ? new GrayU16(h, w) : new GrayU16(w, h);
    for (int v = 0; v < shown.height; v++) {
      for (int u = 0; u < shown.width; u++) {
        int x = swap ? v : u;
        int y = swap ? u : v;
        x = mirrorX ? w - 1 - x : x;
        y = mirrorY ? h - 1 - y : y;
        shown.data[v * shown.width + u] = stored.data[stored.index(x, y)];
      }
    }
    return shown;
  }
}
