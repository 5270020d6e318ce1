// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Fills holes in the background from the pixels a caller allows, with the contract of the engine's
 * {@code InpaintOps.inpaint}: every pixel where {@code hole == 0} is copied bit-exactly; a hole
 * pixel becomes fill·h + original·(1 − h) with h = hole/65535; the fill never sees a pixel where
 * {@code sourceAllowed == 0} (jewelry and its guard band), so jewelry colours cannot appear in it.
 * (Meant to move to the engine next to {@code InpaintOps}; the models module implements it.)
 */
public interface BackgroundInpainter {
  /**
   * @param image RGB or gray shot, 8- or 16-bit storage; Not modified
   * @param hole where to fill, 65535 = fully; Not modified
   * @param sourceAllowed where the fill may look; Not modified
   * @param progress stage reports; cancellation throws {@link loupe.engine.CancelledException}
   * @return a new image
   */
  Planar inpaint(Planar image, GrayU16 hole, GrayU16 sourceAllowed, Progress progress);
}
