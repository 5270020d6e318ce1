// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/** Argument checks shared by every op, so each op states its preconditions in one line. */
public final class ImageChecks {
  private ImageChecks() {}

  public static void sameSize(GrayU16 a, GrayU16 b) {
    if (a.width != b.width || a.height != b.height) {
      throw new IllegalArgumentException(
          "size mismatch: " + a.width + "×" + a.height + " vs " + b.width + "×" + b.height);
    }
  }

  public static void sameSize(Planar a, GrayU16 b) {
    sameSize(a.bands[0], b);
  }

  public static void sameShape(Planar a, Planar b) {
    if (a.numBands() != b.numBands()) {
      throw new IllegalArgumentException("band count mismatch: " + a.numBands() + " vs " + b.numBands());
    }
    sameSize(a.bands[0], b.bands[0]);
  }

  /** Returns {@code output} if it has the right size, or a new image when it is null. */
  public static GrayU16 reshape(GrayU16 output, int width, int height) {
    if (output == null) {
      return new GrayU16(width, height);
    }
    if (output.width != width || output.height != height) {
      throw new IllegalArgumentException(
          "output is " + output.width + "×" + output.height + ", expected " + width + "×" + height);
    }
    return output;
  }

  public static Planar reshape(Planar output, int numBands, int width, int height) {
    if (output == null) {
      return Planar.create(numBands, width, height);
    }
    if (output.numBands() != numBands || output.width != width || output.height != height) {
      throw new IllegalArgumentException("output is " + output + ", expected " + numBands + "×" + width + "×" + height);
    }
    return output;
  }
}
