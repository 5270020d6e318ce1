// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import loupe.engine.composite.BlendMode;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * A layer a recipe adds: pixels at {@code bounds} with optional transparency and user mask (same
 * size, null = none), blend, opacity 0..255, visibility, and where it goes. Layers that share a
 * {@code group} name are written into one group.
 */
public record OutputLayer(
    String name,
    Planar pixels,
    GrayU16 alpha,
    GrayU16 mask,
    Rect bounds,
    BlendMode blend,
    int opacity,
    boolean visible,
    Placement placement,
    String group) {
  public CompositeLayer asComposite() {
    return new CompositeLayer(pixels, alpha, mask, bounds, blend, opacity, visible);
  }
}
