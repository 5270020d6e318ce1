// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import loupe.engine.image.Rect;

/**
 * One 8-connected component of a hole mask.
 *
 * @param box bounding box in image coordinates
 * @param area number of pixels
 * @param boundaryEdges 4-neighbour pairs (hole, not hole) inside the image
 */
record HoleRegion(Rect box, long area, long boundaryEdges) {

  /**
   * Width estimate {@code 4·area / boundaryEdges}: about the width of a thin stroke, and about 0.8×
   * the diameter of a disc (whose pixel-edge perimeter is about 4× its diameter).
   */
  double width() {
    return 4.0 * area / Math.max(1, boundaryEdges);
  }

  int extent() {
    return Math.max(box.width(), box.height());
  }
}
