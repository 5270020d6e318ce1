// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Fills holes in the background from the pixels a caller allows, with the contract of {@link
 * InpaintOps#inpaint(Planar, GrayU16, GrayU16, InpaintConfig, Progress)}: every pixel where {@code
 * hole == 0} is copied bit-exactly; a hole pixel becomes fill·h + original·(1 − h) with h =
 * hole/65535; the fill never sees a pixel where {@code sourceAllowed == 0} (jewelry and its guard
 * band), so jewelry colours cannot appear in it. The model-free implementation is {@link
 * #classical}; the models module implements it with ONNX inpainting models (LaMa, MI-GAN).
 */
@FunctionalInterface
public interface BackgroundInpainter {
  /**
   * @param image RGB or gray shot, 8- or 16-bit storage. Not modified.
   * @param hole where to fill, 65535 = fully. Not modified.
   * @param sourceAllowed where the fill may look. Not modified.
   * @param progress stage reports; cancellation throws {@link loupe.engine.CancelledException}
   * @return a new image
   */
  Planar inpaint(Planar image, GrayU16 hole, GrayU16 sourceAllowed, Progress progress);

  /** The engine's own inpainting ({@link InpaintOps}) with {@code config}. */
  static BackgroundInpainter classical(InpaintConfig config) {
    return (image, hole, allowed, progress) -> InpaintOps.inpaint(image, hole, allowed, config, progress);
  }
}
