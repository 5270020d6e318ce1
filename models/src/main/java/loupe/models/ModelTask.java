// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a model is for: the engine interface it stands behind. */
public enum ModelTask {
  /** A product mask ({@link loupe.engine.alg.segment.ProductSegmenter}). */
  @JsonProperty("segmentation") SEGMENTATION,
  /** A background fill ({@link loupe.engine.alg.inpaint.BackgroundInpainter}). */
  @JsonProperty("inpainting") INPAINTING
}
