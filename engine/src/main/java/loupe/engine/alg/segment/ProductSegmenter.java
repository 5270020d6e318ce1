// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Finds the jewelry in a product shot: the "Select Subject" of Loupe. Implementations are the
 * model-free {@link ClassicalSegmenter} and, later, model-based ones (ISNet in the models module).
 */
public interface ProductSegmenter {
  /**
   * Returns a document-size soft product mask: 65535 where the pixel is fully jewelry, 0 where it
   * is background (sweep, props, shadows, dust), in between on anti-aliased edges.
   *
   * @param image the shot, RGB (1 band is accepted as gray); Not modified
   * @param progress receives stage reports; cancellation throws {@link loupe.engine.CancelledException}
   */
  GrayU16 segment(Planar image, Progress progress);
}
