// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * The spatial size a model runs at: fixed {@code width}×{@code height} (ISNet 1024², LaMa and
 * MI-GAN crops 512²). Inputs are resampled or padded to exactly this size.
 */
public record SizeRule(int width, int height) {
  public SizeRule {
    if (width < 1 || height < 1 || width > 8192 || height > 8192) {
      throw new IllegalArgumentException("model size must be in 1..8192, got " + width + "×" + height);
    }
  }
}
