// SPDX-License-Identifier: Apache-2.0
package loupe.models.inpaint;

/**
 * How holes are cut out for a fixed-size inpainting model.
 *
 * @param margin context in pixels around each hole's bounding box (IOPaint's crop margin is 128);
 *     a crop is the model's size when the hole and margin fit, larger (and then downsampled to the
 *     model's size) when they do not
 */
public record CropConfig(int margin) {
  public CropConfig {
    if (margin < 0 || margin > 4096) {
      throw new IllegalArgumentException("crop margin must be in 0..4096 px, got " + margin);
    }
  }

  public static CropConfig defaults() {
    return new CropConfig(128);
  }
}
