// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

/** Where an added layer goes relative to the protected layer. */
public enum Placement {
  /** Directly beneath the protected layer (background work in a layered document). */
  BELOW,
  /** Above it: such a layer must be masked to zero over the product, or hidden. */
  ABOVE
}
