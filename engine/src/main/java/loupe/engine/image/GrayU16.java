// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

import java.util.Arrays;

/**
 * A single plane of unsigned 16-bit samples. 8-bit data is stored ×257 (exactly reversible,
 * see {@link BitDepth}); masks use the same type with 65535 = fully selected.
 *
 * <p>The fields are public on purpose (as in BoofCV's {@code GrayU16}): inner loops index
 * {@code data[startIndex + y * stride + x]} directly and read values with {@code & 0xFFFF}. A
 * {@link #subimage} is a view that shares {@code data}.
 */
public final class GrayU16 {
  public final short[] data;
  public final int startIndex;
  public final int stride;
  public final int width;
  public final int height;

  public GrayU16(int width, int height) {
    this(new short[checkedArea(width, height)], 0, width, width, height);
  }

  public GrayU16(short[] data, int startIndex, int stride, int width, int height) {
    if (width < 0 || height < 0 || stride < width || startIndex < 0) {
      throw new IllegalArgumentException(
          "bad geometry w=" + width + " h=" + height + " stride=" + stride + " start=" + startIndex);
    }
    if (height > 0 && width > 0 && startIndex + (long) (height - 1) * stride + width > data.length) {
      throw new IllegalArgumentException("geometry exceeds the array of " + data.length);
    }
    this.data = data;
    this.startIndex = startIndex;
    this.stride = stride;
    this.width = width;
    this.height = height;
  }

  /** A new image with every sample set to {@code value}. */
  public static GrayU16 filled(int width, int height, int value) {
    GrayU16 image = new GrayU16(width, height);
    Arrays.fill(image.data, (short) value);
    return image;
  }

  public int index(int x, int y) {
    return startIndex + y * stride + x;
  }

  public int get(int x, int y) {
    checkInside(x, y);
    return data[startIndex + y * stride + x] & 0xFFFF;
  }

  public void set(int x, int y, int value) {
    checkInside(x, y);
    data[startIndex + y * stride + x] = (short) value;
  }

  public boolean isInside(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }

  /** A view of the rectangle [x0,x1)×[y0,y1) that shares this image's array. */
  public GrayU16 subimage(int x0, int y0, int x1, int y1) {
    if (x0 < 0 || y0 < 0 || x1 > width || y1 > height || x0 > x1 || y0 > y1) {
      throw new IllegalArgumentException(
          "subimage [" + x0 + "," + y0 + ")-[" + x1 + "," + y1 + ") outside " + width + "×" + height);
    }
    return new GrayU16(data, startIndex + y0 * stride + x0, stride, x1 - x0, y1 - y0);
  }

  /** A compact copy (stride == width) that shares nothing with this image. */
  public GrayU16 copy() {
    GrayU16 out = new GrayU16(width, height);
    for (int y = 0; y < height; y++) {
      System.arraycopy(data, startIndex + y * stride, out.data, y * width, width);
    }
    return out;
  }

  /** Copies {@code source} (same size) into this image. */
  public void setTo(GrayU16 source) {
    ImageChecks.sameSize(this, source);
    for (int y = 0; y < height; y++) {
      System.arraycopy(source.data, source.startIndex + y * source.stride, data, startIndex + y * stride, width);
    }
  }

  public void fill(int value) {
    for (int y = 0; y < height; y++) {
      int row = startIndex + y * stride;
      Arrays.fill(data, row, row + width, (short) value);
    }
  }

  public boolean isSubimage() {
    return startIndex != 0 || stride != width;
  }

  /** True if both images have the same size and the same samples (views compared by value). */
  public boolean sameSamples(GrayU16 other) {
    if (other.width != width || other.height != height) {
      return false;
    }
    for (int y = 0; y < height; y++) {
      int a = startIndex + y * stride;
      int b = other.startIndex + y * other.stride;
      if (!Arrays.equals(data, a, a + width, other.data, b, b + width)) {
        return false;
      }
    }
    return true;
  }

  private void checkInside(int x, int y) {
    if (!isInside(x, y)) {
      throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "×" + height);
    }
  }

  static int checkedArea(int width, int height) {
    long area = (long) width * height;
    if (width < 0 || height < 0 || area > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("image " + width + "×" + height + " is too large for one plane");
    }
    return (int) area;
  }

  @Override
  public String toString() {
    return "GrayU16[" + width + "×" + height + (isSubimage() ? ", view" : "") + "]";
  }
}
