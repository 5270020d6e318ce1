// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;

/**
 * Product mask from a saved alpha channel: a document-sized plane in 16-bit storage (8-bit
 * channels ×257, so 255 maps to 65535 exactly). Alpha channels can indicate "masked areas" or
 * "selected areas"; the caller, who reads the channel's display info, says with {@code inverted}
 * whether the stored values are 0 where the product is.
 */
public final class ChannelMaskSource {
  private ChannelMaskSource() {}

  /**
   * @param channel Not modified: the alpha channel, document-sized
   * @param output Modified: document-sized, or null to allocate; may be {@code channel}
   */
  public static GrayU16 productMask(GrayU16 channel, boolean inverted, int width, int height, GrayU16 output) {
    if (channel.width != width || channel.height != height) {
      throw new IllegalArgumentException("alpha channel is " + channel.width + "×" + channel.height
          + " but the document is " + width + "×" + height);
    }
    output = ImageChecks.reshape(output, width, height);
    if (inverted) {
      return MaskOps.invert(channel, output);
    }
    if (output != channel) {
      output.setTo(channel);
    }
    return output;
  }
}
