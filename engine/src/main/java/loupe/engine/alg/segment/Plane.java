// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

/** A compact float working plane (row-major, stride == width) for the segmenter's intermediate maps. */
record Plane(int width, int height, float[] data) {
  Plane {
    if (width <= 0 || height <= 0 || data.length != width * height) {
      throw new IllegalArgumentException("plane " + width + "×" + height + " with " + data.length + " samples");
    }
  }

  Plane(int width, int height) {
    this(width, height, new float[width * height]);
  }

  float get(int x, int y) {
    return data[y * width + x];
  }
}
